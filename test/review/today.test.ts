/**
 * "Decided today" (src/review/today.ts) on the real Redis: the decision
 * scripts count each person's decisions per UTC day, so the figure is read
 * from one hash, not from the day's audit log; a day that began before the
 * counting did is still counted whole, from the log.
 */
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import { seedPapers } from '../../bench/seed.ts';
import { decisionsToday } from '../../src/review/today.ts';
import { internalsOf } from '../../src/store/internals.ts';
import { PaperStore } from '../../src/store/papers.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';
import { commandsDuring } from '../support/redis-monitor.ts';

const prefix = testPrefix();
const redis = new Redis(REDIS_URL);
afterAll(async () => {
  await removePrefix(redis, prefix);
  await redis.quit();
});

it('reads the day from its counts, not from the audit log, and falls back to the log on the day counting began', async () => {
  const store = new PaperStore(redis, prefix);
  // Each seeded paper is drafted, approved and published: two decisions by seed-reviewer.
  await seedPapers(store, 6, { publish: true });
  await seedPapers(store, 3, { from: 6 });
  const expected = [{ reviewer: 'seed-reviewer', decisions: 12 }];

  let today: Awaited<ReturnType<typeof decisionsToday>> = [];
  const commands = await commandsDuring(redis, prefix, async () => {
    today = await decisionsToday(store);
  });
  expect(today).toEqual(expected);
  expect(commands.filter((c) => c.includes(internalsOf(store).keys.auditAll))).toEqual([]);

  // As after an upgrade during the day: decisions before it were not counted, so the log is read.
  await redis.set(internalsOf(store).keys.decidedSince, String(Date.now()));
  await redis.del(internalsOf(store).keys.decidedOn(new Date().toISOString().slice(0, 10)));
  expect(await decisionsToday(store)).toEqual(expected);
}, 120_000);
