/**
 * With DATABASE_URL set and nothing answering there, a command stops with a
 * message that names the server (password hidden) and says what to do.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { REDIS_URL, removeTestKeys, testPrefix } from '../support/harness.ts';

/** A local port nothing listens on (bound, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 1;
}

describe('PostgreSQL not running', () => {
  it('stops `laysum status` with the URL (no password) and what to do', async () => {
    const prefix = testPrefix();
    const url = `postgres://laysum:s3cretPW@127.0.0.1:${await closedPort()}/laysum`;
    try {
      const res = await runCli(['status'], { REDIS_URL, LAYSUM_PREFIX: prefix, DATABASE_URL: url });
      expect(res.code).not.toBe(0);
      expect(res.stderr).toContain('Cannot reach PostgreSQL at postgres://***@127.0.0.1:');
      expect(res.stderr).toMatch(/Start PostgreSQL/);
      expect(res.stderr).toContain('DATABASE_URL');
      expect(res.stderr + res.stdout).not.toContain('s3cretPW');
    } finally {
      await removeTestKeys(prefix);
    }
  }, 60_000);
});
