/** `laysum review ...` and `laysum status` / `laysum retry`: the review queue from the terminal. */
import type { Command } from 'commander';
import { PaperState } from '../../domain/state.ts';
import { InputError } from '../../errors/input-error.ts';
import { describeJobStatus, jobStatus } from '../../queue/job-status.ts';
import { reviewDeps, runAction } from '../../review/actions.ts';
import { parseState } from '../../review/queries.ts';
import { retry } from '../../review/review.ts';
import { paperRows, paperView, resolvePaperId, reviewOrder } from '../../review/view.ts';
import type { Context } from '../../runtime/context.ts';
import { formatFailure, formatRow, formatStatus, formatView } from '../format.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

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
  const decision = (name: string, describe: string) =>
    review
      .command(`${name} <id>`)
      .description(describe)
      .option('--as <name>', 'your name, for the audit log')
      .option('--json', 'print JSON');
  decision('approve', 'Approve the current draft')
    .option('--note <note>', 'an optional note')
    .action((id: string, o: { as?: string; note?: string; json?: boolean }) =>
      act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'approve', pid, as, o.note)),
    );
  decision('reject', 'Reject the draft (a reason is required)')
    .option('--reason <reason>', 'why it is rejected')
    .action((id: string, o: { as?: string; reason?: string; json?: boolean }) =>
      act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'reject', pid, as, o.reason)),
    );
  decision('request-changes', 'Send the draft back to the summarizer with notes')
    .option('--notes <notes>', 'what to change')
    .action((id: string, o: { as?: string; notes?: string; json?: boolean }) =>
      act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'request-changes', pid, as, o.notes)),
    );
  decision('publish', 'Publish an approved draft').action((id: string, o: { as?: string; json?: boolean }) =>
    act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'publish', pid, as, undefined)),
  );
}

function act(
  id: string,
  o: { as?: string; json?: boolean },
  run: (ctx: Context, id: string, as: string) => Promise<void>,
) {
  return withContext(async (ctx) => {
    const as = requireName(o.as);
    const pid = await resolvePaperId(ctx.store, id);
    await run(ctx, pid, as);
    const view = await paperView(ctx.store, pid);
    if (o.json) printJson({ id: pid, state: view.state, reason: view.reason });
    else print(`${pid} is now ${view.state}.`);
  });
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
        const state = await retry(reviewDeps(ctx), pid, o.as);
        if (o.json) printJson({ id: pid, state });
        else print(`${pid} is ${state} again; run \`laysum worker\` to process it.`);
      }),
    );
}
