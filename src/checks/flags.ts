/**
 * Flags that name the draft sentence, the source sentence(s) it was compared
 * with and what differs (CheckFlag in src/domain/links.ts), and the one-line
 * message a check shows above them.
 */
import type { CheckFlag, SentenceLink, SourceSentence } from '../domain/links.ts';
import { clip } from '../text/sentences.ts';

/** A per-link flag; one read through the model's links says so, as the reviewer weighs it differently. */
export function flagOf(link: SentenceLink, source: readonly SourceSentence[], differs: string): CheckFlag {
  const byModel = link.method === 'model';
  return {
    field: link.field,
    sentence: link.sentence,
    text: link.text,
    source: source.map((s) => ({ id: s.id, text: s.text })),
    differs: byModel ? `${differs} (compared with the source sentences the model named for it)` : differs,
    linkedBy: link.method,
  };
}

/** "In findings: "6 years" where the source says "6 months" (source sentence 7); and 2 more." */
export function flagMessage(flags: readonly CheckFlag[], max = 3): string {
  const shown = flags.slice(0, max).map((f) => {
    const where = f.source.length ? ` (source sentence ${f.source.map((s) => s.id).join(', ')})` : '';
    return `${f.field}: ${clip(f.differs, 220)}${where}`;
  });
  const more = flags.length > max ? `; and ${flags.length - max} more` : '';
  return `${shown.join('; ')}${more}.`;
}
