/** `laysum watch ...`: scheduled polling of PubMed queries and journal feeds. */
import type { PollReport, Watch } from '../../domain/watch.ts';
import { InputError } from '../../errors/input-error.ts';
import { redactUrlCredentials } from '../../errors/redact.ts';
import { nextPollAt, scheduleWatch, unscheduleWatch } from '../../queue/schedules.ts';
import { createPollDeps } from '../../runtime/sources.ts';
import { formatInterval, parseInterval } from '../../watch/interval.ts';
import { pollWatch } from '../../watch/poll.ts';
import { print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

function checkTarget(kind: string, target: string): 'pubmed' | 'feed' {
  if (kind === 'pubmed') {
    if (!target.trim())
      throw new InputError('The PubMed query is empty.', {
        hint: 'e.g. laysum watch add pubmed "multiple sclerosis[MeSH] AND review[pt]" --every 6h',
      });
    return 'pubmed';
  }
  if (kind === 'feed') {
    if (!URL.canParse(target) || !/^https?:/.test(target))
      throw new InputError(`"${target}" is not an http(s) URL.`, {
        hint: 'Give the feed URL, e.g. https://www.nature.com/nature.rss',
      });
    return 'feed';
  }
  throw new InputError(`Unknown watch kind "${kind}".`, {
    hint: 'Use `laysum watch add pubmed QUERY` or `laysum watch add feed URL`.',
  });
}

export function formatReport(r: PollReport | null): string {
  if (!r) return 'never polled';
  const when = r.at.replace('T', ' ').slice(0, 16);
  return r.ok
    ? `${when}: found ${r.found}, ${r.queued} new, ${r.duplicates} already known, ${r.skipped} skipped${r.deferred ? `, ${r.deferred} left for the next poll (at most WATCH_MAX_NEW_PER_POLL new per poll)` : ''}`
    : `${when}: ERROR ${r.error?.split('\n')[0]}`;
}

function formatWatch(w: Watch, next: number | null): string {
  const nextText = next
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
    const w = await ctx.watches.add({
      kind: checkTarget(kind, target),
      target,
      everyMs: parseInterval(o.every),
      createdBy: o.as,
    });
    await scheduleWatch(ctx.queues, w);
    if (o.json) printJson({ ...w, target: redactUrlCredentials(w.target) });
    else
      print(
        `Added ${w.id}: ${w.kind} "${redactUrlCredentials(w.target)}" every ${formatInterval(w.everyMs)}. Workers (\`laysum worker\`) poll it; \`laysum watch run ${w.id}\` polls now.`,
      );
  });
}

export function listWatches(o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const all = await ctx.watches.list();
    const withNext = await Promise.all(
      // A feed URL may carry user:password: shown as ***, kept as given for polling.
      all.map(async (w) => ({
        ...w,
        target: redactUrlCredentials(w.target),
        nextPollAt: await nextPollAt(ctx.queues, w.id),
      })),
    );
    if (o.json) return printJson(withNext);
    if (all.length === 0) return print('No watches yet: `laysum watch add pubmed QUERY --every 6h`.');
    for (const w of withNext) print(formatWatch(w, w.nextPollAt));
  });
}

export function removeWatch(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    await ctx.watches.remove(id);
    await unscheduleWatch(ctx.queues, id);
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
