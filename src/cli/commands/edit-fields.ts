/** The draft fields `laysum review edit --set FIELD=TEXT` can write; also named in its help, so free of imports. */
export const FIELDS = [
  'headline',
  'takeaway',
  'findings',
  'audience',
  'caveat',
  'topics',
  'credibility',
  'credibility.rationale',
  'interest',
  'interest.rationale',
] as const;
export type Field = (typeof FIELDS)[number];
