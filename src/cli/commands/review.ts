/** `laysum review ...` and `laysum status` / `laysum retry`: the review queue from the terminal. */
import { InputError } from '../../errors/input-error.ts';
import { describeJobStatus, jobStatus } from '../../queue/job-status.ts';
import { reviewDeps, runAction } from '../../review/actions.ts';
import { parseState } from '../../review/queries.ts';
import { retry } from '../../review/review.ts';
import { paperRows, paperView, resolvePaperId, reviewOrder } from '../../review/view.ts';
import type { Context } from '../../runtime/context.ts';
import { formatRow, formatStatus, formatView } from '../format.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

function requireName(as: string | undefined): string {
  if (!as?.trim())
    throw new InputError('Say who you are with --as NAME.', {
      hint: 'Reviews are recorded in the audit log under that name.',
    });
  return as.trim();
}

interface JsonOption {
  json?: boolean;
}

/** Options of the decision commands (approve, reject, request-changes, publish). */
export interface DecisionOptions extends JsonOption {
  as?: string;
}

export function listPapers(o: { state?: string } & JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const state = parseState(o.state);
    const rows = await paperRows(ctx.store, state);
    reviewOrder(rows);
    if (o.json) return printJson(rows);
    if (rows.length === 0)
      return print(state ? `No papers are ${state}.` : 'No papers yet: `laysum submit` queues one.');
    for (const r of rows) print(formatRow(r));
  });
}

export function showPaper(id: string, o: JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const view = await paperView(ctx.store, await resolvePaperId(ctx.store, id));
    if (o.json) printJson(view);
    else print(formatView(view));
  });
}

export function approvePaper(id: string, o: DecisionOptions & { note?: string }): Promise<void> {
  return act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'approve', pid, as, o.note));
}

export function rejectPaper(id: string, o: DecisionOptions & { reason?: string }): Promise<void> {
  return act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'reject', pid, as, o.reason));
}

export function requestChanges(id: string, o: DecisionOptions & { notes?: string }): Promise<void> {
  return act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'request-changes', pid, as, o.notes));
}

export function publishPaper(id: string, o: DecisionOptions): Promise<void> {
  return act(id, o, (ctx, pid, as) => runAction(reviewDeps(ctx), 'publish', pid, as, undefined));
}

function act(id: string, o: DecisionOptions, run: (ctx: Context, id: string, as: string) => Promise<void>) {
  return withContext(async (ctx) => {
    const as = requireName(o.as);
    const pid = await resolvePaperId(ctx.store, id);
    await run(ctx, pid, as);
    const view = await paperView(ctx.store, pid);
    if (o.json) printJson({ id: pid, state: view.state, reason: view.reason });
    else print(`${pid} is now ${view.state}.`);
  });
}

export function paperStatus(id: string, o: JsonOption): Promise<void> {
  return withContext(async (ctx) => {
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
        title: view.source?.title ?? null,
        draftVersion: view.draft?.version ?? null,
        updatedAt: view.updatedAt,
        job,
      });
    else print(`${formatStatus(view)}${job ? `\n${describeJobStatus(job)}` : ''}`);
  });
}

export function retryPaper(id: string, o: { as: string } & JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const pid = await resolvePaperId(ctx.store, id);
    const state = await retry(reviewDeps(ctx), pid, o.as);
    if (o.json) printJson({ id: pid, state });
    else print(`${pid} is ${state} again; run \`laysum worker\` to process it.`);
  });
}
