/** The watches port (../domain/ports/watches.ts) in Redis: watches and their poll history, under the LaySum prefix. */
import { randomBytes } from 'node:crypto';
import type { Watches } from '../domain/ports/watches.ts';
import { PollReport, Watch } from '../domain/watch.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import type { RedisClient } from './redis-client.ts';

const HISTORY = 50;

export class WatchStore implements Watches {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  private key(id: string) {
    return `${this.prefix}:watch:${id}`;
  }
  private get index() {
    return `${this.prefix}:watches`;
  }

  async add(input: Omit<Watch, 'id' | 'createdAt' | 'lastPoll' | 'paused'>): Promise<Watch> {
    const watch = Watch.parse({
      ...input,
      id: `w${randomBytes(4).toString('hex')}`,
      createdAt: new Date().toISOString(),
      lastPoll: null,
    });
    await this.redis
      .multi()
      .set(this.key(watch.id), JSON.stringify(watch))
      .zadd(this.index, Date.now(), watch.id)
      .exec();
    return watch;
  }

  async get(id: string): Promise<Watch | null> {
    const raw = await this.redis.get(this.key(id));
    return raw ? Watch.parse(JSON.parse(raw)) : null;
  }

  async require(id: string): Promise<Watch> {
    const w = await this.get(id);
    if (!w) throw new NotFoundError('watch', id, '`laysum watch list` shows the watches.');
    return w;
  }

  async list(): Promise<Watch[]> {
    const ids = await this.redis.zrange(this.index, 0, -1);
    const all = await Promise.all(ids.map((id) => this.get(id)));
    return all.filter((w): w is Watch => w !== null);
  }

  async remove(id: string): Promise<void> {
    await this.require(id);
    await this.redis
      .multi()
      .del(this.key(id), `${this.key(id)}:polls`)
      .zrem(this.index, id)
      .exec();
  }

  /** Pause or resume: the flag only (the schedule is src/watch/manage.ts's business). */
  async setPaused(id: string, paused: boolean): Promise<Watch> {
    const watch = await this.require(id);
    const next = { ...watch, paused };
    await this.redis.set(this.key(id), JSON.stringify(next));
    return next;
  }

  /** Record a poll: the watch keeps the last one, the history keeps the last 50. */
  async recordPoll(id: string, report: PollReport): Promise<void> {
    const watch = await this.get(id);
    if (!watch) return; // removed while polling
    await this.redis
      .multi()
      .set(this.key(id), JSON.stringify({ ...watch, lastPoll: report }))
      .lpush(`${this.key(id)}:polls`, JSON.stringify(report))
      .ltrim(`${this.key(id)}:polls`, 0, HISTORY - 1)
      .exec();
  }

  async polls(id: string): Promise<PollReport[]> {
    const raw = await this.redis.lrange(`${this.key(id)}:polls`, 0, -1);
    return raw.map((r) => PollReport.parse(JSON.parse(r)));
  }
}
