/**
 * Watch schedules as BullMQ job schedulers. Upserted from one place (the
 * `watch add` command / API), never at process start, so several processes
 * booting together cannot race on them.
 */
import type { Queue } from 'bullmq';
import type { Config } from '../config/env.ts';
import type { Watch } from '../domain/watch.ts';
import type { JobPayload } from './jobs.ts';
import { enqueue, type Queues } from './queues.ts';

const schedulerId = (watchId: string) => `watch-${watchId}`;

/** bullmq 6 types a scheduler id as a job name ('poll'); ours are `watch-<id>`, so the name type is widened here. */
const pollSchedulers = (queues: Queues): Queue<JobPayload<'poll'>, string, string> => queues.poll;

export async function scheduleWatch(queues: Queues, watch: Watch): Promise<void> {
  await pollSchedulers(queues).upsertJobScheduler(
    schedulerId(watch.id),
    { every: watch.everyMs },
    {
      name: 'poll',
      data: { watchId: watch.id, manual: false },
      opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } },
    },
  );
}

export async function unscheduleWatch(queues: Queues, watchId: string): Promise<void> {
  await queues.poll.removeJobScheduler(schedulerId(watchId));
}

export async function nextPollAt(queues: Queues, watchId: string): Promise<number | null> {
  const scheduler = await queues.poll.getJobScheduler(schedulerId(watchId));
  return scheduler?.next ?? null;
}

/** The schedules above as src/watch/manage.ts's WatchScheduler, plus a poll queued now. */
export function watchScheduler(queues: Queues, config: Config) {
  return {
    schedule: (watch: Watch) => scheduleWatch(queues, watch),
    unschedule: (watchId: string) => unscheduleWatch(queues, watchId),
    nextPollAt: (watchId: string) => nextPollAt(queues, watchId),
    pollSoon: (watchId: string) => enqueue(queues, config, 'poll', { watchId, manual: true }),
  };
}
