/**
 * `laysum review ...` and `laysum status` / `laysum retry`: the review queue
 * from the terminal (the commands and their options are in ../program-review.ts).
 */
import { InputError } from '../../errors/input-error.ts';
import { describeJobStatus, jobStatus } from '../../queue/job-status.ts';
import { type Action, reviewDeps, runAction, VERSIONED } from '../../review/actions.ts';
import { type DraftFilter, type DraftList, findDrafts, parseFilter } from '../../review/queries.ts';
import { paperView, resolvePaperId } from '../../review/view.ts';
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

interface JsonOption {
  json?: boolean;
}

/** Options of a decision command: its text flag (--note, --reason, --notes) is named by the command. */
export type DecisionOptions = { as?: string; json?: boolean; version?: string } & Record<
  string,
  string | boolean | undefined
>;

/** Options of `review list`: the desk's filters, sort and page, from the same search index. */
export interface ListOptions extends JsonOption {
  state?: string;
  q?: string;
  sort?: string;
  order?: string;
  page?: string;
  limit?: string;
}

export function listPapers(o: ListOptions): Promise<void> {
  return withContext(async (ctx) => {
    const filter = parseFilter({
      state: o.state,
      q: o.q,
      sort: o.sort,
      order: o.order,
      page: o.page,
      limit: o.limit,
    });
    const list = await findDrafts(ctx.store, filter);
    if (o.json) return printJson(list);
    if (list.total === 0) return print(emptyList(filter));
    for (const r of list.drafts) print(formatRow(r));
    print(pageLine(list));
  });
}

/** The list's last line; a broad search on a large store is counted by estimate, so it says "about" (as the desk does). */
export function pageLine(
  list: Pick<DraftList, 'page' | 'pages' | 'total' | 'totalApproximate'> & { drafts: readonly unknown[] },
): string {
  const beyond = list.drafts.length === 0 ? ' (nothing on this page: ask for an earlier --page)' : '';
  const about = list.totalApproximate ? 'about ' : '';
  return `page ${list.page} of ${about}${list.pages} (${about}${plural(list.total, 'paper')})${beyond}`;
}

function emptyList(filter: DraftFilter): string {
  if (filter.q) return `No papers match "${filter.q}"${filter.state ? ` among ${filter.state} papers` : ''}.`;
  return filter.state ? `No papers are ${filter.state}.` : 'No papers yet: `laysum submit` queues one.';
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function showPaper(id: string, o: JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const view = await paperView(ctx.store, await resolvePaperId(ctx.store, id));
    if (o.json) printJson(view);
    else print(formatView(view));
  });
}

/** approve, reject, request-changes, publish, unpublish, reopen; `textFlag` is the option holding its text. */
export function decide(
  action: Action,
  id: string,
  o: DecisionOptions,
  textFlag: string | undefined,
): Promise<void> {
  return withContext(async (ctx) => {
    const as = requireName(o.as);
    const pid = await resolvePaperId(ctx.store, id);
    const basedOn = VERSIONED.has(action) ? await versionFor(ctx, pid, action, o.version) : undefined;
    const text = textFlag ? o[textFlag] : undefined;
    await runAction(reviewDeps(ctx), action, pid, as, {
      basedOn,
      text: typeof text === 'string' ? text : undefined,
    });
    const paper = await ctx.store.require(pid);
    const shown = basedOn ?? paper.draftCount;
    if (o.json) printJson({ id: pid, state: paper.state, version: shown, reason: paper.reason });
    else print(`${pid} is now ${paper.state} (version ${shown}).`);
  });
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

export function paperStatus(id: string, o: JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const pid = await resolvePaperId(ctx.store, id);
    const view = await paperView(ctx.store, pid);
    const held = { id: pid, state: view.state, draftCount: view.versions.length };
    const job = await jobStatus(ctx.queues, held, ctx.config.workers.jobLockMs);
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
      const paused =
        view.state === 'summarizing' ? (await ctx.fleet.notices()).map((n) => `\n${n.message}`).join('') : '';
      print(`${formatStatus(view)}${job ? `\n${describeJobStatus(job)}` : ''}${paused}${failure}`);
    }
  });
}

export function retryPaper(id: string, o: { as: string } & JsonOption): Promise<void> {
  return withContext(async (ctx) => {
    const pid = await resolvePaperId(ctx.store, id);
    await runAction(reviewDeps(ctx), 'retry', pid, o.as, {});
    const { state } = await ctx.store.require(pid);
    if (o.json) printJson({ id: pid, state });
    else print(`${pid} is ${state} again; run \`laysum worker\` to process it.`);
  });
}
