/**
 * `laysum review edit ID --set FIELD=TEXT ...`: a reviewer's edit from the
 * terminal, saved as a new version based on the version given (or the
 * latest), exactly like an edit on the desk. Writing the fields the offline
 * provider left as placeholders is what lets a CLI-only reviewer approve.
 */
import type { Command } from 'commander';
import type { LaySummary } from '../../domain/summary.ts';
import { InputError } from '../../errors/input-error.ts';
import { reviewDeps, saveEdit } from '../../review/actions.ts';
import { resolvePaperId } from '../../review/view.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

const FIELDS = [
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
type Field = (typeof FIELDS)[number];

const collect = (value: string, all: string[]) => [...all, value];

function score(field: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 5)
    throw new InputError(`${field} must be a score from 1 to 5 (got "${text}").`, {
      hint: `e.g. --set ${field}=3`,
    });
  return n;
}

/** `["audience=...", "interest=4"]` -> the changes on top of `base`. */
export function changesFromSets(sets: readonly string[], base: LaySummary): Partial<LaySummary> {
  const changes: Partial<LaySummary> = {};
  const ratings = structuredClone(base.ratings);
  let ratingsChanged = false;
  const caveats: string[] = [];
  for (const set of sets) {
    const at = set.indexOf('=');
    const field = (at > 0 ? set.slice(0, at).trim() : '') as Field;
    const text = at > 0 ? set.slice(at + 1).trim() : '';
    if (!FIELDS.includes(field))
      throw new InputError(`"${set}" does not name a field to set.`, {
        hint: `Use --set FIELD=TEXT with one of: ${FIELDS.join(', ')} (repeat --set caveat=... for each consideration).`,
      });
    if (field === 'caveat') caveats.push(text);
    else if (field === 'topics')
      changes.topics = text
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean);
    else if (field === 'credibility' || field === 'interest') {
      ratings[field].score = score(field, text);
      ratingsChanged = true;
    } else if (field === 'credibility.rationale' || field === 'interest.rationale') {
      ratings[field === 'credibility.rationale' ? 'credibility' : 'interest'].rationale = text;
      ratingsChanged = true;
    } else changes[field] = text;
  }
  if (caveats.length) changes.caveats = caveats;
  if (ratingsChanged) changes.ratings = ratings;
  return changes;
}

export function registerReviewEdit(review: Command): void {
  review
    .command('edit <id>')
    .description('Edit the draft: saved as a new version, which goes (back) to review')
    .option('--set <field=text>', `a field to change (${FIELDS.join(', ')}); repeat for more`, collect, [])
    .option('--version <n>', 'the version your edit is based on (default: the latest)')
    .option('--as <name>', 'your name, for the audit log')
    .option('--json', 'print JSON')
    .action((id: string, o: { set: string[]; version?: string; as?: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const as = o.as?.trim();
        if (!as)
          throw new InputError('Say who you are with --as NAME.', {
            hint: 'Edits are recorded under that name.',
          });
        if (o.set.length === 0)
          throw new InputError('Nothing to change.', { hint: 'Give at least one --set FIELD=TEXT.' });
        const pid = await resolvePaperId(ctx.store, id);
        const drafts = await ctx.store.drafts(pid);
        const basedOn = o.version === undefined ? drafts.length : Number(o.version);
        const base = drafts.find((d) => d.version === basedOn);
        if (!base)
          throw new InputError(`Paper ${pid} has no version ${o.version ?? basedOn}.`, {
            hint: '`laysum review show ID` lists its versions.',
          });
        const draft = await saveEdit(reviewDeps(ctx), pid, as, basedOn, changesFromSets(o.set, base.summary));
        if (o.json) return printJson({ id: pid, version: draft.version, draft });
        print(
          `Saved ${pid} version ${draft.version}; it is back in review (\`laysum review approve ${pid} --as ${as}\`).`,
        );
      }),
    );
}
