/** A scripted verifier reply for the fracture summary (test/support/summaries.ts): verdicts of every kind, and ids that do not exist. */
import { type HttpHarness, startHttp } from '../http/support.ts';
import { type FakeOpenAi, reply, startFakeOpenAi } from './fake-openai.ts';
import { fractureText } from './harness.ts';
import { fractureSummary } from './summaries.ts';

// The fracture summary has 13 sentences (D1 the headline, D3 the first of the findings); the
// abstract's source sentences are numbered 1 (title) to 15 (S4 is the SETTING sentence, S5 the first PARTICIPANTS one).
export const fractureVerdicts = {
  verdicts: [
    {
      sentence: 1,
      label: 'overgeneralised',
      sources: [14],
      why: 'says bone strength drives fracture risk; the source estimates a causal effect of bone mineral density from genes',
    },
    { sentence: 2, label: 'supported', sources: [15, 13], why: '' },
    { sentence: 2, label: 'contradicts', sources: [15], why: 'a second opinion' },
    {
      sentence: 3,
      label: 'contradicts',
      sources: [5, 4],
      why: 'says 37 857 people had a broken bone in 25 groups; the source says 37 857 fracture cases in the discovery set',
    },
    { sentence: 4, label: 'supported', sources: [8, 99], why: '' },
    { sentence: 5, label: 'supported', sources: [42], why: '' },
    { sentence: 30, label: 'not_in_source', sources: [], why: 'made up' },
    ...[6, 7, 8, 9, 10, 11, 12].map((sentence) => ({ sentence, label: 'supported', sources: [12], why: '' })),
  ],
};

/**
 * The desk and API on a real port, drafting with the scripted server and the verifier on: one paper
 * (the fracture abstract) in review with the fracture summary and the verdicts above.
 */
export async function verifiedDesk(): Promise<{ h: HttpHarness; llm: FakeOpenAi; id: string }> {
  const llm = await startFakeOpenAi([reply(fractureSummary), reply(fractureVerdicts)]);
  const h = await startHttp({
    LLM_PROVIDER: 'openai',
    OPENAI_BASE_URL: llm.baseURL,
    LLM_MODEL: 'test-model',
    LLM_VERIFY: 'true',
    LLM_MAX_REPAIRS: '0',
    READING_TARGET_GRADE: '16',
  });
  await h.p.start({ stages: ['ingest', 'summarize'] });
  const id = await h.p.submit({ kind: 'text', text: fractureText() });
  await h.p.waitFor(id, ['pending_review']);
  return { h, llm, id };
}
