/**
 * `laysum review ...`: the commands, options and help of the review group
 * (implementations in ./commands/review.ts and ./commands/review-edit.ts,
 * imported when a command runs; see program.ts).
 */
import type { Command } from 'commander';
import type { Action } from '../review/actions.ts';
import { FIELDS } from './commands/edit-fields.ts';
import type { DecisionOptions, ListOptions } from './commands/review.ts';
import type { EditOptions } from './commands/review-edit.ts';
import { type JsonOption, load } from './lazy.ts';

/** PaperState's values, for the help text only (a unit test checks them against the schema). */
export const STATE_NAMES =
  'queued|ingesting|needs_source|summarizing|pending_review|approved|rejected|published|unpublished|failed';
/** The queue's sorts and page sizes, likewise (checked against src/review/queries.ts). */
export const SORT_NAMES = 'age|grade|checks|credibility';
export const PAGE_SIZES = { default: 50, max: 200 };

interface DecisionCommand {
  action: Action;
  describe: string;
  text?: { flag: string; describe: string };
  version?: string;
}

const VERSION_HELP = 'the draft version you decide on (default: the latest, as `review show` prints it)';

const DECISIONS: readonly DecisionCommand[] = [
  {
    action: 'approve',
    describe: 'Approve a draft version',
    text: { flag: 'note', describe: 'an optional note' },
    version: VERSION_HELP,
  },
  {
    action: 'reject',
    describe: 'Reject a draft version (a reason is required)',
    text: { flag: 'reason', describe: 'why it is rejected' },
    version: VERSION_HELP,
  },
  {
    action: 'request-changes',
    describe:
      'Send a draft version back to the summarizer with notes (needs an LLM: with the offline provider, use `review edit`)',
    text: { flag: 'notes', describe: 'what to change' },
    version: VERSION_HELP,
  },
  {
    action: 'publish',
    describe: 'Publish the approved version',
    version: 'the version to publish (default: the approved version)',
  },
  {
    action: 'unpublish',
    describe: 'Take a published page down (it answers 410 and leaves lists, feeds and exports)',
    text: {
      flag: 'reason',
      describe: 'why it is withdrawn (required; readers see it on the withdrawn page)',
    },
  },
  {
    action: 'reopen',
    describe:
      'Put a rejected or unpublished paper back in review, or withdraw an approval (back to review, nothing edited)',
    text: { flag: 'note', describe: 'an optional note' },
  },
];

const collect = (value: string, all: string[]) => [...all, value];

export function addReview(program: Command): void {
  const review = program.command('review').description('List, read and decide on drafts');
  review
    .command('list')
    .description('List papers a page at a time, newest first, from the same index as the desk')
    .option('--state <state>', `only papers in this state (${STATE_NAMES})`)
    .option('--q <words>', 'search the title, journal, headline and topics, or a PMID, DOI or paper id')
    .option('--sort <field>', `sort by ${SORT_NAMES} (default: age)`)
    .option('--order <order>', 'desc or asc (default: desc)')
    .option('--page <n>', 'the page to show (default: 1)')
    .option('--limit <n>', `papers per page (default: ${PAGE_SIZES.default}, at most ${PAGE_SIZES.max})`)
    .option('--json', 'print JSON: the page with total, pages and counts, as GET /api/drafts')
    .action(async (o: ListOptions) => (await load.review()).listPapers(o));
  review
    .command('show <id>')
    .description('Show the source, the current draft, its checks, provenance and history')
    .option('--json', 'print JSON')
    .action(async (id: string, o: JsonOption) => (await load.review()).showPaper(id, o));
  review
    .command('edit <id>')
    .description('Edit the draft: saved as a new version, which goes (back) to review')
    .option('--set <field=text>', `a field to change (${FIELDS.join(', ')}); repeat for more`, collect, [])
    .option('--version <n>', 'the version your edit is based on (default: the latest)')
    .option('--as <name>', 'your name, for the audit log')
    .option('--json', 'print JSON')
    .action(async (id: string, o: EditOptions) => (await load.reviewEdit()).editDraft(id, o));
  for (const d of DECISIONS) addDecision(review, d);
}

function addDecision(review: Command, d: DecisionCommand): void {
  const cmd = review
    .command(`${d.action} <id>`)
    .description(d.describe)
    .option('--as <name>', 'your name, for the audit log')
    .option('--json', 'print JSON');
  if (d.text) cmd.option(`--${d.text.flag} <${d.text.flag}>`, d.text.describe);
  if (d.version) cmd.option('--version <n>', d.version);
  cmd.action(async (id: string, o: DecisionOptions) =>
    (await load.review()).decide(d.action, id, o, d.text?.flag),
  );
}
