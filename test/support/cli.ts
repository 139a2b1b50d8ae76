/** Runs the real `laysum` command (bin/laysum.js), or another entry point, as a user would, with its own environment. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/laysum.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunningProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when the process exits. */
  done: Promise<CliResult>;
  stdout(): string;
  stderr(): string;
}

/**
 * The record store the tests' processes use: PostgreSQL when the suite runs with
 * LAYSUM_TEST_DATABASE_URL, unless a test gives DATABASE_URL itself.
 */
const DATABASE: Record<string, string> = process.env.LAYSUM_TEST_DATABASE_URL
  ? { DATABASE_URL: process.env.LAYSUM_TEST_DATABASE_URL }
  : {};

/** Start `node ARGS...` in the project root with only PATH, HOME, the record store and `env`. */
export function spawnNode(
  nodeArgs: string[],
  env: Record<string, string>,
  stdin?: string | Buffer,
): RunningProcess {
  const child = spawn(process.execPath, nodeArgs, {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...DATABASE, ...env },
    cwd: ROOT,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const done = new Promise<CliResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  child.stdin.end(stdin);
  return { child, done, stdout: () => stdout, stderr: () => stderr };
}

/** Start `laysum ARGS...`. */
export function spawnCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string | Buffer,
): RunningProcess {
  return spawnNode([BIN, ...args], env, stdin);
}

export function runCli(
  args: string[],
  env: Record<string, string>,
  stdin?: string | Buffer,
): Promise<CliResult> {
  return spawnCli(args, env, stdin).done;
}

/** Start a long-running command (e.g. `worker`) and resolve once its stderr shows `ready`. */
export async function startCli(args: string[], env: Record<string, string>, ready: RegExp) {
  const proc = spawnCli(args, env);
  const until = Date.now() + 20_000;
  while (!ready.test(proc.stderr())) {
    if (Date.now() > until || proc.child.exitCode !== null) throw new Error(`not ready: ${proc.stderr()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child: proc.child, exited: proc.done.then((r) => r.code), stderr: proc.stderr };
}
