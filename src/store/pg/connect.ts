/**
 * The PostgreSQL connection of the record store: one pool per process and
 * prefix, every connection's search_path set to the prefix's schema (so one
 * database holds several deployments or test runs, as one Redis does), and
 * the reachability check that says what to do when the server is down.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';
import { LaySumError } from '../../errors/laysum-error.ts';
import { redactUrlCredentials } from '../../errors/redact.ts';

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

/** The schema of a LAYSUM_PREFIX: `test-abc` -> `test_abc`; a valid, bounded identifier. */
export function schemaFor(prefix: string): string {
  let name = prefix.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  if (!/^[a-z_]/.test(name)) name = `_${name}`;
  if (name.length > 63)
    name = `${name.slice(0, 50)}_${createHash('sha1').update(prefix).digest('hex').slice(0, 12)}`;
  return name;
}

export function createPgPool(url: string, schema: string): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    options: `-c search_path=${schema}`,
    max: 10,
    // Also how long a query may wait for a free connection: a rebuild queues hundreds at once.
    connectionTimeoutMillis: 60_000,
  });
  // A dropped idle connection is replaced on the next query; without a listener pg would crash the process.
  pool.on('error', () => {});
  return pool;
}

/** Run one query, turning a refused connection into an error that names the server and what to do. */
export async function assertPgReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new LaySumError(`Cannot reach PostgreSQL at ${redactUrlCredentials(url)}.`, {
      hint: 'Start PostgreSQL (e.g. `pg_ctlcluster 15 main start`) and create the database, or set DATABASE_URL to a reachable server; unset DATABASE_URL to keep the records in Redis.',
      cause: err,
    });
  } finally {
    await client.end().catch(() => {});
  }
}

/** Run `work` in one transaction on its own client; rolled back when it throws. */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
