/** The watches port: feeds and searches polled for new papers, with each one's recent polls. Redis: src/store/watches.ts. */
import type { PollReport, Watch } from '../watch.ts';

export interface Watches {
  add(input: Omit<Watch, 'id' | 'createdAt' | 'lastPoll' | 'paused'>): Promise<Watch>;
  get(id: string): Promise<Watch | null>;
  /** The watch, or NotFoundError. */
  require(id: string): Promise<Watch>;
  list(): Promise<Watch[]>;
  remove(id: string): Promise<void>;
  setPaused(id: string, paused: boolean): Promise<Watch>;
  recordPoll(id: string, report: PollReport): Promise<void>;
  /** Its recent polls, newest first. */
  polls(id: string): Promise<PollReport[]>;
}
