/** The certainty check on one draft finding against an abstract, as the checks run it: split, linked, judged. */
import { certaintyFlags } from '../../src/checks/certainty.ts';
import { PaperRecord } from '../../src/domain/paper.ts';
import { alignFields } from '../../src/text/align.ts';
import { splitSource } from '../../src/text/source-sentences.ts';

export function certaintyOn(sentence: string, abstract: string, title = 'A study') {
  const source = splitSource(
    PaperRecord.parse({ title, abstract: [{ label: null, category: null, text: abstract }] }),
  );
  return certaintyFlags(alignFields([{ field: 'findings', text: sentence }], source), source);
}
