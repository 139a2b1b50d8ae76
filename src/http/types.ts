/** The HTTP layer's types: what the app is built from (AppDeps) and what a request carries once identified (AppEnv). */
import type { Config } from '../config/env.ts';
import type { Papers } from '../domain/ports/papers.ts';
import type { Watches } from '../domain/ports/watches.ts';
import type { Webhooks } from '../domain/ports/webhooks.ts';
import type { Logger } from '../log/logger.ts';
import type { Enqueuer } from '../queue/jobs.ts';
import type { Queues } from '../queue/queues.ts';
import type { FleetStatus } from '../store/fleet.ts';
import type { LivePulses } from '../store/live-pulse.ts';
import type { DatabaseHealth } from '../store/pg/health.ts';
import type { RedisHealth } from '../store/redis-health.ts';
import type { EvictionWatch } from '../store/redis-policy.ts';
import type { SignInCounters } from '../store/sign-in-counters.ts';
import type { WorkerHeartbeats } from '../store/worker-heartbeats.ts';
import type { Session, SessionStore } from '../users/sessions.ts';
import type { StoredUser, UserStore } from '../users/store.ts';

export interface AppDeps {
  config: Config;
  store: Papers;
  enqueue: Enqueuer;
  /** The BullMQ queues, for the admin dashboard. */
  queues: Queues;
  users: UserStore;
  sessions: SessionStore;
  /** Watches, for the admins' watches page. */
  watches: Watches;
  /** Webhooks, for the admins' webhooks page. */
  webhooks: Webhooks;
  /** The fleet's LLM ledger, pauses, learned output modes and Redis policy (metrics, usage, the queue's banner). */
  fleet: FleetStatus;
  /** Failed sign-ins per address, account and pair, shared by every server process (./sign-in-limit.ts). */
  signInCounters: SignInCounters;
  /** Request lines and unexpected errors (src/log: JSON lines, secrets redacted). */
  log: Logger;
  /**
   * What /healthz and /readyz report: the Redis connection, its eviction policy, whether the server
   * is stopping, and the workers' heartbeats (the desk also says when none runs).
   */
  health: {
    redis: RedisHealth;
    eviction: EvictionWatch;
    stopping: boolean;
    workers: WorkerHeartbeats;
    /** The record store's PostgreSQL when DATABASE_URL is set, else null (the records are in Redis). */
    database: DatabaseHealth | null;
  };
  /** Papers' state, version and claim in one round trip, for the desk's live streams (./web/routes/live.ts). */
  livePulse: LivePulses;
}

export interface AppEnv {
  Variables: {
    user: StoredUser | null;
    /** The web session, when the caller came with the session cookie. */
    session: Session | null;
    /** How the caller proved who they are. */
    via: 'bearer' | 'cookie' | null;
    secureHeadersNonce?: string;
    /** A fleet-wide problem every desk page shows on top (Redis evicting), set by the app. */
    alert?: { text: string; hint: string } | null;
    /** No worker is running (src/http/worker-status.ts): the desk's queue, submission and paper pages say so. */
    workerWarning?: string | null;
  };
}
