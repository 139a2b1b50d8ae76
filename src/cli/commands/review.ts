/** `laysum review ...` and `laysum status` / `laysum retry`: the review queue from the terminal. */
import type { Command } from 'commander';
import { PaperState } from '../../domain/state.ts';
import { InputError } from '../../errors/input-error.ts';
import { describeJobStatus, jobStatus } from '../../queue/job-status.ts';
import { type Action, reviewDeps, runAction, VERSIONED } from '../../review/actions.ts';
import { parseState } from '../../review/queries.ts';
import { paperRows, paperView, resolvePaperId, reviewOrder } from '../../review/view.ts';
import type { Context } from '../../runtime/context.ts';
import { formatFailure, formatRow, formatStatus, formatView } from '../format.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';
import { registerReviewEdit } from './review-edit.ts';

function requireName(as: string | undefined): string {
  if (!as?.trim())
    throw new InputError('Say who you are with --as NAME.', {
      hint: 'Reviews are recorded in the audit log under that name.',
    });
  return as.trim();
}

export function registerReview(program: Command): void {
  const review = program.command('review').description('List, read and decide on drafts');
  review
    .command('list')
    .description('List papers (pending_review first by default)')
    .option('--state <state>', `only papers in this state (${PaperState.options.join('|')})`)
    .option('--json', 'print JSON')
    .action((o: { state?: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const state = parseState(o.state);
        const rows = await paperRows(ctx.store, state);
        reviewOrder(rows);
        if (o.json) return printJson(rows);
        if (rows.length === 0)
          return print(state ? `No papers are ${state}.` : 'No papers yet: `laysum submit` queues one.');
        for (const r of rows) print(formatRow(r));
      }),
    );
  review
    .command('show <id>')
    .description('Show the source, the current draft, its checks, provenance and history')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) =>
      withContext(async (ctx) => {
        const view = await paperView(ctx.store, await resolvePaperId(ctx.store, id));
        if (o.json) printJson(view);
        else print(formatView(view));
      }),
    );
  registerReviewEdit(review);
  for (const d of DECISIONS) registerDecision(review, d);
}

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
    text: { flag: 'reason', describe: 'why it is withdrawn (required)' },
  },
  {
    action: 'reopen',
    describe: 'Put a rejected or unpublished paper back in review',
    text: { flag: 'note', describe: 'an optional note' },
  },
];

type DecisionOptions = { as?: string; json?: boolean; version?: string } & Record<
  string,
  string | boolean | undefined
>;

function registerDecision(review: Command, d: DecisionCommand): void {
  const cmd = review
    .command(`${d.action} <id>`)
    .description(d.describe)
    .option('--as <name>', 'your name, for the audit log')
    .option('--json', 'print JSON');
  if (d.text) cmd.option(`--${d.text.flag} <${d.text.flag}>`, d.text.describe);
  if (d.version) cmd.option('--version <n>', d.version);
  cmd.action((id: string, o: DecisionOptions) =>
    withContext(async (ctx) => {
      const as = requireName(o.as);
      const pid = await resolvePaperId(ctx.store, id);
      const basedOn = VERSIONED.has(d.action) ? await versionFor(ctx, pid, d.action, o.version) : undefined;
      const text = d.text ? o[d.text.flag] : undefined;
      await runAction(reviewDeps(ctx), d.action, pid, as, {
        basedOn,
        text: typeof text === 'string' ? text : undefined,
      });
      const paper = await ctx.store.require(pid);
      const shown = basedOn ?? paper.draftCount;
      if (o.json) printJson({ id: pid, state: paper.state, version: shown, reason: paper.reason });
      else print(`${pid} is now ${paper.state} (version ${shown}).`);
    }),
  );
}

/** The version a decision is pinned to: `--version`, else the latest (publish: the approved one). */
async function versionFor(
  ctx: Context,
  id: string,
  action: Action,
  given: string | undefined,
): Promise<number> {
  if (given !== undefined) {
    const n = Number(given);
    if (!Number.isInteger(n) || n < 1)
      throw new InputError(`"${given}" is not a draft version.`, {
        hint: 'Give a version number, e.g. --version 2.',
      });
    return n;
  }
  const paper = await ctx.store.require(id);
  if (action !== 'publish') return paper.draftCount;
  if (!paper.approval)
    throw new InputError(`Paper ${id} has no approved version to publish.`, {
      hint: `Approve it first: \`laysum review approve ${id} --as NAME\`.`,
    });
  return paper.approval.version;
}

export function registerStatus(program: Command): void {
  program
    .command('status <id>')
    .description('Where a paper is: queued, summarizing, pending_review, failed with the reason, ...')
    .option('--json', 'print JSON')
    .action((id: string, o: { json?: boolean }) =>
      withContext(async (ctx) => {
        const pid = await resolvePaperId(ctx.store, id);
        const view = await paperView(ctx.store, pid);
        const job = await jobStatus(ctx.queues, {
          id: pid,
          state: view.state,
          draftCount: view.versions.length,
        });
        if (o.json)
          printJson({
            id: view.id,
            state: view.state,
            reason: view.reason,
            failure: view.failure,
            title: view.source?.title ?? null,
            draftVersion: view.draft?.version ?? null,
            updatedAt: view.updatedAt,
            job,
          });
        else {
          const failure = view.failure ? `\n${formatFailure(view.failure, pid)}` : '';
          print(`${formatStatus(view)}${job ? `\n${describeJobStatus(job)}` : ''}${failure}`);
        }
      }),
    );
  program
    .command('retry <id>')
    .description('Put a failed paper back in the pipeline')
    .option('--as <name>', 'your name, for the audit log', 'cli')
    .option('--json', 'print JSON')
    .action((id: string, o: { as: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const pid = await resolvePaperId(ctx.store, id);
        await runAction(reviewDeps(ctx), 'retry', pid, o.as, {});
        const { state } = await ctx.store.require(pid);
        if (o.json) printJson({ id: pid, state });
        else print(`${pid} is ${state} again; run \`laysum worker\` to process it.`);
      }),
    );
}
