/**
 * The watch use cases both the CLI (`laysum watch ...`) and the desk's admin
 * page call: add (checked, then scheduled), list with the next poll, pause,
 * resume, remove, and ask for a poll now. The schedule itself is behind
 * WatchScheduler (BullMQ job schedulers, src/queue/schedules.ts), so this
 * module never sees the queue library.
 */

import type { Watches } from '../domain/ports/watches.ts';
import type { Watch } from '../domain/watch.ts';
import { InputError } from '../errors/input-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { blockedHint, type PrivateAllowList, urlProblem } from '../net/destinations.ts';
import { parseInterval } from './interval.ts';

export interface WatchScheduler {
  schedule(watch: Watch): Promise<void>;
  unschedule(watchId: string): Promise<void>;
  /** The next scheduled poll (ms), or null when none is scheduled. */
  nextPollAt(watchId: string): Promise<number | null>;
  /** Queue a poll for the workers now, outside the schedule. */
  pollSoon(watchId: string): Promise<void>;
}

export interface WatchDeps {
  watches: Watches;
  scheduler: WatchScheduler;
  /** FETCH_ALLOW_PRIVATE: internal feed hosts an admin may still watch. */
  allowPrivate: PrivateAllowList;
}

export interface WatchWithNext extends Watch {
  nextPollAt: number | null;
}

export function checkTarget(kind: string, target: string, allow: PrivateAllowList): 'pubmed' | 'feed' {
  if (kind === 'pubmed') {
    if (!target.trim())
      throw new InputError('The PubMed query is empty.', {
        hint: 'e.g. multiple sclerosis[MeSH] AND review[pt]',
      });
    return 'pubmed';
  }
  if (kind === 'feed') {
    if (!URL.canParse(target) || !/^https?:/.test(target))
      throw new InputError(`"${redactUrlCredentials(target)}" is not an http(s) URL.`, {
        hint: 'Give the feed URL, e.g. https://www.nature.com/nature.rss',
      });
    const problem = urlProblem(new URL(target), allow);
    if (problem)
      throw new InputError(`Refused to watch ${new URL(target).origin}: ${problem}.`, {
        hint: blockedHint(),
      });
    return 'feed';
  }
  throw new InputError(`Unknown watch kind "${kind}".`, {
    hint: 'A watch is a PubMed query (pubmed) or a journal feed URL (feed).',
  });
}

export async function addWatch(
  deps: WatchDeps,
  input: { kind: string; target: string; every: string; by: string },
): Promise<Watch> {
  const kind = checkTarget(input.kind, input.target.trim(), deps.allowPrivate);
  const everyMs = parseInterval(input.every);
  const watch = await deps.watches.add({ kind, target: input.target.trim(), everyMs, createdBy: input.by });
  await deps.scheduler.schedule(watch);
  return watch;
}

export async function listWatches(deps: WatchDeps): Promise<WatchWithNext[]> {
  const all = await deps.watches.list();
  // A feed URL may carry user:password: shown as ***, kept as given for polling.
  return Promise.all(
    all.map(async (w) => ({
      ...w,
      target: redactUrlCredentials(w.target),
      nextPollAt: await deps.scheduler.nextPollAt(w.id),
    })),
  );
}

export async function pauseWatch(deps: WatchDeps, id: string): Promise<Watch> {
  const watch = await deps.watches.setPaused(id, true);
  await deps.scheduler.unschedule(id);
  return watch;
}

export async function resumeWatch(deps: WatchDeps, id: string): Promise<Watch> {
  const watch = await deps.watches.setPaused(id, false);
  await deps.scheduler.schedule(watch);
  return watch;
}

export async function removeWatch(deps: WatchDeps, id: string): Promise<void> {
  await deps.watches.remove(id);
  await deps.scheduler.unschedule(id);
}

/** Ask the workers to poll now (the desk); the CLI's `watch run` polls in its own process instead. */
export async function requestPoll(deps: WatchDeps, id: string): Promise<void> {
  await deps.watches.require(id);
  await deps.scheduler.pollSoon(id);
}
