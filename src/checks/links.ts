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
 * A stored draft with links, computed when it has none or they came from another splitter or aligner.
 * Links from the model's checked ids stay while the splitter (which numbers the sentences) is the same.
 */
export function withLinks(draft: Draft, record: PaperRecord | null, source?: SourceSentences): Draft {
  const sameSplitter = draft.links?.splitter === SPLITTER_VERSION;
  if ((sameSplitter && draft.links?.aligner === ALIGNER_VERSION) || !record) return draft;
  const fresh = draftLinks(alignDraft(draft.summary, record, source));
  const kept = sameSplitter ? (draft.links?.links ?? []).filter((l) => l.method === 'model') : [];
  const model = (l: SentenceLink) =>
    kept.find((k) => k.field === l.field && k.sentence === l.sentence && k.text === l.text) ?? l;
  return { ...draft, links: { ...fresh, links: fresh.links.map(model) } };
}
