/**
 * The source sentences a per-link check compares a draft sentence with. A
 * sentence the model linked (ids LaySum checked: method 'model') is compared
 * with the sentences the model named, and the sentences its words share come
 * second; any other sentence with the sentences its words share (overlap),
 * its figures' sentences second.
 */
import type { LinkMethod, SentenceLink, SourceSentence, SourceSentences } from '../domain/links.ts';
import type { Aligner } from '../text/align.ts';
import { sentencesById } from '../text/source-sentences.ts';

export interface CheckedSources {
  /** The sentences the draft sentence draws on, best first. */
  primary: SourceSentence[];
  /** Words-only coverage of the draft sentence by them, 0-1. */
  coverage: number;
  /** Further sentences: the overlap ones beside a model link, the figures' ones beside an overlap link. */
  second: SourceSentence[];
  method: LinkMethod;
}

export function checkedSources(
  link: SentenceLink,
  source: SourceSentences,
  byWords: Aligner,
): CheckedSources {
  const overlap = byWords.link(link.field, link.sentence, link.text);
  const shared = sentencesById(source, overlap.sources);
  const model = link.method === 'model' ? sentencesById(source, link.sources) : [];
  if (model.length) {
    return {
      primary: model,
      coverage: byWords.coverageOf(
        link.text,
        model.map((s) => s.id),
      ),
      second: shared.filter((s) => !model.includes(s)),
      method: 'model',
    };
  }
  return {
    primary: shared,
    coverage: overlap.score,
    second: sentencesById(source, link.sources).filter((s) => !shared.includes(s)),
    method: 'overlap',
  };
}
