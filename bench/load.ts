/**
 * Load and timings from outside the server's process, so the client never
 * competes with the server for its event loop: `wrk` (Debian's package,
 * installed here when missing and apt-get can), else `autocannon` through
 * npx, each a child process with its default settings but the duration; one
 * request's time with `curl -w %{time_total}`. Bench-only tools: LaySum
 * itself never needs them.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadResult {
  tool: string;
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
}

let tool: 'wrk' | 'autocannon' | null = null;

const has = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** wrk if it is here or can be installed, else autocannon (npx fetches it once). */
export function loadTool(): 'wrk' | 'autocannon' {
  if (tool) return tool;
  if (!has('wrk') && has('apt-get')) {
    try {
      execFileSync('apt-get', ['install', '-y', '-qq', 'wrk'], { stdio: 'ignore', timeout: 300_000 });
    } catch {
      // Not root or no package lists: autocannon below.
    }
  }
  tool = has('wrk') ? 'wrk' : 'autocannon';
  return tool;
}

/** wrk's `50%    1.23ms` lines and its `Requests/sec:` line. */
function parseWrk(out: string): LoadResult {
  const ms = (label: string) => {
    const m = new RegExp(`\\s${label}\\s+([\\d.]+)(us|ms|s)`).exec(out);
    if (!m) return Number.NaN;
    const v = Number(m[1]);
    return m[2] === 'us' ? v / 1000 : m[2] === 's' ? v * 1000 : v;
  };
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
  return { tool: 'wrk', requestsPerS: rps, p50Ms: ms('50%'), p99Ms: ms('99%') };
}

/** Load `url` for `seconds` with the tool's default connections and threads. */
export async function load(url: string, seconds: number): Promise<LoadResult> {
  if (loadTool() === 'wrk') {
    const { stdout } = await run('wrk', ['--latency', '-d', `${seconds}s`, url], { maxBuffer: 1 << 20 });
    return parseWrk(stdout);
  }
  const { stdout } = await run('npx', ['--yes', 'autocannon', '-j', '-d', String(seconds), url], {
    maxBuffer: 16 << 20,
  });
  const r = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number } };
  return { tool: 'autocannon', requestsPerS: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99 };
}

/** One GET's total time (ms) as curl measures it, with its status. */
export async function timedGet(url: string, cookie?: string): Promise<{ ms: number; status: number }> {
  const args = ['-s', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', url];
  const { stdout } = await run('curl', cookie ? ['-H', `cookie: ${cookie}`, ...args] : args);
  const [status, seconds] = stdout.trim().split(' ');
  return { status: Number(status), ms: Number(seconds) * 1000 };
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

export function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
}
