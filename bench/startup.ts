/**
 * Start-up figures for `npm run bench`: how long `laysum --help` and
 * `laysum status ID` (a real paper, under a prefix of its own on the local
 * Redis, removed afterwards) take beside `node -e 0`, the floor that Node
 * itself sets. The commands run in turn, round by round, so a machine that is
 * busy for a moment slows all of them alike. Printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/laysum.js', import.meta.url));
const ROUNDS = 10;

interface Case {
  label: string;
  args: string[];
  /** The target, in seconds. */
  target?: number;
}

function run(args: string[], env: NodeJS.ProcessEnv, input?: string): { seconds: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, env, input, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { seconds, stdout: r.stdout };
}

/** Each case once to warm up, then ROUNDS rounds, starting each round one case further on. */
function measure(cases: Case[], env: NodeJS.ProcessEnv): number[][] {
  for (const c of cases) run(c.args, env);
  const times = cases.map((): number[] => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < cases.length; k++) {
      const i = (round + k) % cases.length;
      times[i]?.push(run(cases[i]?.args ?? [], env).seconds);
    }
  }
  return times;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function report(cases: Case[], times: number[][]): void {
  const floor = median(times[0] ?? []);
  console.log(`Start-up (median of ${ROUNDS} runs, min-max in brackets; node -e 0 is the floor):`);
  cases.forEach((c, i) => {
    const t = times[i] ?? [];
    const m = median(t);
    const range = `(${Math.min(...t).toFixed(3)}-${Math.max(...t).toFixed(3)})`;
    const ratio = i === 0 ? '' : `${(m / floor).toFixed(1)}x node`.padStart(10);
    const target = c.target ? `   target ${c.target} s: ${m <= c.target ? 'met' : 'MISSED'}` : '';
    console.log(`  ${c.label.padEnd(18)} ${m.toFixed(3)} s ${range.padEnd(14)}${ratio}${target}`);
  });
}

/** Submit one real abstract under `prefix` through the CLI and return its id. */
function createPaper(env: NodeJS.ProcessEnv): string {
  const dir = new URL('../samples/abstracts/', import.meta.url);
  const sample = readdirSync(dir).find((f) => f.endsWith('.txt')) ?? '';
  const text = readFileSync(new URL(sample, dir), 'utf8');
  const { stdout } = run([BIN, 'submit', '--text', '-', '--json'], env, text);
  return (JSON.parse(stdout) as { id: string }).id;
}

async function removeKeys(prefix: string): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  for await (const found of redis.scanStream({ match: `${prefix}:*`, count: 1000 }))
    if ((found as string[]).length) await redis.del(...(found as string[]));
  await redis.quit();
}

export async function benchStartup(): Promise<void> {
  const prefix = `bench-${randomUUID().slice(0, 12)}`;
  const env = { ...process.env, LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive' };
  try {
    const id = createPaper(env);
    const cases: Case[] = [
      { label: 'node -e 0', args: ['-e', '0'] },
      { label: 'laysum --help', args: [BIN, '--help'], target: 0.3 },
      { label: 'laysum status ID', args: [BIN, 'status', id], target: 0.8 },
    ];
    report(cases, measure(cases, env));
  } finally {
    await removeKeys(prefix);
  }
}
