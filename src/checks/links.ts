/**
 * A draft's sentence links: every sentence of every field a reader sees
 * (named as readerFields names them) linked to the source sentences behind
 * it. Made when a draft version is written (summarize stage, human edit) and
 * on read for drafts stored before links existed or with an older splitter.
 */
import type { Draft } from '../domain/draft.ts';
import type { DraftLinks, SentenceLink, SourceSentences } from '../domain/links.ts';
import type { PaperRecord } from '../domain/paper.ts';
import type { LaySummary } from '../domain/summary.ts';
import { ALIGNER_VERSION, alignFields } from '../text/align.ts';
import { SPLITTER_VERSION, splitSource } from '../text/source-sentences.ts';
import { readerFields } from './context.ts';

/** The source sentences and the links of one draft: what the per-link checks read. */
export interface Alignment {
  source: SourceSentences;
  links: SentenceLink[];
}

export function alignDraft(
  summary: LaySummary,
  record: PaperRecord,
  source = splitSource(record),
): Alignment {
  return { source, links: alignFields(readerFields(summary), source) };
}

export function draftLinks(alignment: Alignment): DraftLinks {
  return { splitter: alignment.source.splitter, aligner: ALIGNER_VERSION, links: alignment.links };
}

/**
 * Fresh links with the model's checked links kept for every sentence whose text is unchanged (same field),
 * while the splitter that numbers the source sentences is the same: what an edit or a new aligner keeps.
 */
export function keepModelLinks(fresh: DraftLinks, stored: DraftLinks | undefined): DraftLinks {
  if (stored?.splitter !== fresh.splitter) return fresh;
  const kept = stored.links.filter((l) => l.method === 'model');
  if (!kept.length) return fresh;
  const model = (l: SentenceLink): SentenceLink => {
    const k = kept.find((m) => m.field === l.field && m.text === l.text);
    return k ? { ...k, sentence: l.sentence } : l;
  };
  return { ...fresh, links: fresh.links.map(model) };
}

/** A stored draft with links, computed when it has none or they came from another splitter or aligner. */
export function withLinks(draft: Draft, record: PaperRecord | null, source?: SourceSentences): Draft {
  const fresh = draft.links?.splitter === SPLITTER_VERSION && draft.links.aligner === ALIGNER_VERSION;
  if (fresh || !record) return draft;
  return {
    ...draft,
    links: keepModelLinks(draftLinks(alignDraft(draft.summary, record, source)), draft.links),
  };
}
