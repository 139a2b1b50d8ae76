/**
 * A local Redis Cluster of a test's own: three masters (no replicas) on free
 * ports, sharing a temp dir, joined with `redis-cli --cluster create`, and
 * ready once every node says `cluster_state:ok`. One master can be killed
 * (-9) and started again with its node file, as a machine failing and coming
 * back. The shared Redis on 6379 is never touched.
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
  /** kill -9 the master on `port` and wait for it to exit. */
  stop(port: number): Promise<void>;
  /** Start it again (same port and node file) and wait until every node says cluster_state:ok. */
  start(port: number): Promise<void>;
  /** Kill every node and remove their dir. */
  dispose(): Promise<void>;
}

export interface PrivateClusterOptions {
  /** `cluster-node-timeout`: how long a silent master takes to be marked failed (Redis: 15 s). */
  nodeTimeoutMs?: number;
}

async function until(what: string, ok: () => Promise<boolean>, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`Redis Cluster: gave up waiting for ${what} after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const cli = (port: number, ...args: string[]) =>
  run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], { timeout: 60_000 });

const clusterOk = async (port: number) =>
  (await cli(port, 'cluster', 'info')).stdout.includes('cluster_state:ok');

function kill(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  child.kill('SIGKILL');
  return exited;
}

export async function startPrivateCluster(options: PrivateClusterOptions = {}): Promise<PrivateCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'laysum-cluster-'));
  const children = new Map<number, ChildProcess>();
  const ports = [await freePort(), await freePort(), await freePort()];
  const launch = async (port: number) => {
    const args = [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--cluster-enabled',
      'yes',
      '--cluster-config-file',
      join(dir, `nodes-${port}.conf`),
      '--cluster-node-timeout',
      String(options.nodeTimeoutMs ?? 15_000),
      '--dir',
      dir,
      '--dbfilename',
      `dump-${port}.rdb`,
      '--save',
      '',
      '--appendonly',
      'no',
    ];
    children.set(port, spawn('redis-server', args, { stdio: 'ignore' }));
    await until(`redis-server on ${port}`, async () => (await cli(port, 'ping')).stdout.trim() === 'PONG');
  };
  const allOk = async () => {
    for (const port of ports) await until(`cluster_state:ok on ${port}`, () => clusterOk(port));
  };
  const dispose = async () => {
    await Promise.all([...children.values()].map(kill));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) await launch(port);
    const hosts = ports.map((p) => `127.0.0.1:${p}`);
    await run('redis-cli', ['--cluster', 'create', ...hosts, '--cluster-replicas', '0', '--cluster-yes'], {
      timeout: 60_000,
    });
    await allOk();
    return {
      ports,
      nodes: hosts.join(','),
      url: `redis+cluster://${hosts.slice(0, 2).join(',')}`,
      stop: (port) => kill(children.get(port)),
      async start(port) {
        await launch(port);
        await allOk();
      },
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}
