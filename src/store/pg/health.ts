/**
 * Whether the record store's PostgreSQL answers, for /healthz, /readyz and
 * the error page: one `SELECT 1` with a short deadline, so a server that
 * hangs reads as down rather than holding the health check.
 */
import type { Pool } from './connect.ts';

const DEADLINE_MS = 2000;

export interface DatabaseHealth {
  /** The server, without credentials, for messages. */
  readonly name: string;
  ping(): Promise<boolean>;
  /** Since when pings fail (null while they succeed). */
  readonly downSince: Date | null;
}

export function pgHealth(pool: Pool, name: string): DatabaseHealth {
  let downSince: Date | null = null;
  return {
    name,
    get downSince() {
      return downSince;
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), DEADLINE_MS);
      });
      const answered = pool.query('SELECT 1').then(
        () => true,
        () => false,
      );
      const up = await Promise.race([answered, deadline]).finally(() => clearTimeout(timer));
      downSince = up ? null : (downSince ?? new Date());
      return up;
    },
  };
}
