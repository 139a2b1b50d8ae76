/**
 * A local Redis Cluster of a test's own: three masters (no replicas) on free
 * ports, each with a temp dir, joined with `redis-cli --cluster create`, and
 * ready once every node says `cluster_state:ok`. The shared Redis on 6379 is
 * never touched.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './redis-server.ts';

const run = promisify(execFile);

export interface PrivateCluster {
  readonly ports: number[];
  /** `127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3`: what REDIS_CLUSTER_NODES takes. */
  readonly nodes: string;
  /** `redis+cluster://127.0.0.1:p1,127.0.0.1:p2`: what REDIS_URL takes. */
  readonly url: string;
  /** Kill every node and remove their dirs. */
  dispose(): Promise<void>;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: gave up waiting for ${what} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cli = (port: number, ...args: string[]) =>
  run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 60_000 });

export async function startPrivateCluster(size = 3): Promise<PrivateCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'laysum-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const dispose = async () => {
    await Promise.all(
      children.map((c) => {
        if (c.exitCode !== null) return Promise.resolve();
        const exited = new Promise((res) => c.once('exit', res));
        c.kill('SIGKILL');
        return exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < size; i++) {
      const port = await freePort();
      ports.push(port);
      children.push(
        spawn(
          'redis-server',
          [
            '--port',
            String(port),
            '--bind',
            '127.0.0.1',
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            join(dir, `nodes-${port}.conf`),
            '--dir',
            dir,
            '--dbfilename',
            `dump-${port}.rdb`,
            '--save',
            '',
            '--appendonly',
            'no',
          ],
          { stdio: 'ignore' },
        ),
      );
    }
    for (const port of ports)
      await until(`redis-server on ${port}`, async () => (await cli(port, 'ping')).stdout.trim() === 'PONG');
    const hosts = ports.map((p) => `127.0.0.1:${p}`);
    await run('redis-cli', ['--cluster', 'create', ...hosts, '--cluster-replicas', '0', '--cluster-yes'], {
      timeout: 60_000,
    });
    for (const port of ports)
      await until(`cluster_state:ok on ${port}`, async () =>
        (await cli(port, 'cluster', 'info')).stdout.includes('cluster_state:ok'),
      );
    return {
      ports,
      nodes: hosts.join(','),
      url: `redis+cluster://${hosts.slice(0, 2).join(',')}`,
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}
