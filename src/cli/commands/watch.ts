/** `laysum watch ...`: scheduled polling of PubMed queries and journal feeds. */
import type { Watch } from '../../domain/watch.ts';
import { redactUrlCredentials } from '../../errors/redact.ts';
import { watchScheduler } from '../../queue/schedules.ts';
import type { Context } from '../../runtime/context.ts';
import { createPollDeps } from '../../runtime/sources.ts';
import { formatInterval } from '../../watch/interval.ts';
import * as manage from '../../watch/manage.ts';
import { pollWatch } from '../../watch/poll.ts';
import { formatReport } from '../../watch/report.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

const watchDeps = (ctx: Context): manage.WatchDeps => ({
  watches: ctx.watches,
  scheduler: watchScheduler(ctx.queues, ctx.config),
  allowPrivate: ctx.config.fetch.allowPrivate,
});

function formatWatch(w: Watch, next: number | null): string {
  const nextText = w.paused
    ? 'paused'
    : next
      ? `next ${new Date(next).toISOString().replace('T', ' ').slice(0, 16)}`
      : 'not scheduled';
  return `${w.id}  ${w.kind.padEnd(6)}  every ${formatInterval(w.everyMs).padEnd(4)}  ${w.target}\n        last: ${formatReport(w.lastPoll)}; ${nextText}`;
}

export function addWatch(
  kind: string,
  target: string,
  o: { every: string; as: string; json?: boolean },
): Promise<void> {
  return withContext(async (ctx) => {
    const w = await manage.addWatch(watchDeps(ctx), { kind, target, every: o.every, by: o.as });
    if (o.json) printJson({ ...w, target: redactUrlCredentials(w.target) });
    else
      print(
        `Added ${w.id}: ${w.kind} "${redactUrlCredentials(w.target)}" every ${formatInterval(w.everyMs)}. Workers (\`laysum worker\`) poll it; \`laysum watch run ${w.id}\` polls now.`,
      );
  });
}

export function listWatches(o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const withNext = await manage.listWatches(watchDeps(ctx));
    if (o.json) return printJson(withNext);
    if (withNext.length === 0) return print('No watches yet: `laysum watch add pubmed QUERY --every 6h`.');
    for (const w of withNext) print(formatWatch(w, w.nextPollAt));
  });
}

export function removeWatch(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    await manage.removeWatch(watchDeps(ctx), id);
    if (o.json) printJson({ id, removed: true });
    else print(`Removed ${id}.`);
  });
}

export function runWatch(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const deps = createPollDeps(ctx);
    const report = await pollWatch(deps, await deps.watches.require(id));
    if (o.json) printJson(report);
    else print(`${id}: ${formatReport(report)}`);
    if (!report.ok) process.exitCode = 1;
  });
}

export function pauseWatch(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const w = await manage.pauseWatch(watchDeps(ctx), id);
    if (o.json) printJson(w);
    else
      print(
        `Paused ${id}: it keeps its settings and history; \`laysum watch resume ${id}\` schedules it again.`,
      );
  });
}

export function resumeWatch(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const w = await manage.resumeWatch(watchDeps(ctx), id);
    if (o.json) printJson(w);
    else print(`Resumed ${id}: polled every ${formatInterval(w.everyMs)} again.`);
  });
}
