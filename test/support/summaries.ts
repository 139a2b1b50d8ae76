/** Realistic lay summaries for scripted LLM replies (written for the fracture-risk GWAS, PMID 30158200). */
import type { LaySummary } from '../../src/domain/summary.ts';

export const fractureSummary: LaySummary = {
  headline: 'Bone Strength, Not Vitamin D, Drives Fracture Risk',
  takeaway:
    'A very large genetic study found that bone density is the main cause of fracture risk, while vitamin D and calcium levels did not seem to matter.',
  findings:
    'Researchers combined data from 25 groups of people in Europe, the United States, east Asia and Australia, including 37 857 people who had a broken bone. They found 15 spots in our genes linked to fractures, and all of them also affect bone density (how solid the bones are). People whose genes gave them lower bone density had a higher risk of fractures. Genes linked to lower vitamin D or less calcium from dairy were not linked to fractures.',
  audience:
    'This matters to older adults, people with thin bones (osteoporosis), and their doctors. It suggests that treatments that build bone density may do more to prevent fractures than vitamin D or calcium supplements for most people.',
  caveats: [
    'The study used genetic data to estimate causes, which relies on assumptions that may not hold for everyone.',
    'Most participants were of European descent, so the results may differ in other groups.',
    'People with low vitamin D levels for medical reasons were not studied separately; talk to your doctor before changing supplements.',
  ],
  topics: ['osteoporosis', 'fractures', 'bone density', 'vitamin d', 'genetics'],
  ratings: {
    credibility: {
      score: 4,
      rationale:
        'A very large meta-analysis of genetic studies with replication, though genetic methods have limits.',
    },
    interest: {
      score: 4,
      rationale: 'Fractures are common in older adults and many people take vitamin D to prevent them.',
    },
  },
};

/** A plain summary that says nothing checkable: tests put the sentence under test in one field. */
export const plainSummary: LaySummary = {
  headline: 'A study of a treatment',
  takeaway: 'The study looked at a treatment.',
  findings: 'The study looked at a treatment.',
  audience: 'People who want to know more.',
  caveats: ['The study has limits.'],
  topics: ['treatment'],
  ratings: {
    credibility: { score: 1, rationale: 'We cannot be sure.' },
    interest: { score: 3, rationale: 'Some people may care.' },
  },
};

/** The fracture summary in shorter sentences and plainer words, every number kept. */
export const plainerFracture: LaySummary = {
  ...fractureSummary,
  takeaway: 'Strong bones matter most for broken bones. Vitamin D and calcium levels did not seem to matter.',
  findings:
    'Researchers put together data from 25 groups of people. In all, 37 857 people had a broken bone. They found 15 spots in our genes linked to broken bones. All of them also change how strong bones are. People with genes for weaker bones broke bones more often. Genes for low vitamin D did not make a difference.',
  audience:
    'This matters to older adults, to people with thin bones, and to their doctors. It suggests that building strong bones may help more than vitamin D pills for most people.',
  caveats: [
    'The study used genes to guess causes, and that may not hold for everyone.',
    'Most people in it were of European descent, so results may differ in other groups.',
    'Talk to your doctor before changing any supplements.',
  ],
};
