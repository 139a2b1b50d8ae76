/**
 * A pool of long-lived PDF parsing threads, and waiting for one with a deadline.
 *
 * Starting a thread costs about 0.6 s (loading pdf.js), so threads are started
 * on first use, kept, and handed one PDF at a time; PDFs beyond the pool size
 * wait in line. A thread that passes its deadline, runs out of memory or dies
 * is terminated and replaced on the next request. Idle threads are unref'd:
 * they never keep a process alive.
 *
 * LaySum runs from TypeScript sources under tsx (and vitest). On Node 20 a
 * worker cannot be started on a .ts file directly: the tsx loader that the
 * worker inherits through execArgv is not applied to the worker's entry
 * module, and neither is `execArgv: ['--import', 'tsx']`. What works under
 * plain node, tsx and vitest alike is a tiny CommonJS bootstrap, evaluated in
 * the worker, that loads the entry through tsx's `tsImport` API. From the
 * bundle the thread is its own entry point, dist/parse-thread.js (see
 * scripts/build.mjs), started directly: it is found from the project root,
 * not from import.meta.url, because this module may sit in any chunk.
 */
import { Worker } from 'node:worker_threads';
import { projectPath } from '../../config/paths.ts';
import type { ParseThreadInput, ParseThreadReply, ParseThreadResult } from './thread-protocol.ts';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => api.tsImport(workerData.entry, workerData.entry));
`;

/** Heap cap per thread: a pathological PDF fails on its own instead of taking the process down. */
const MAX_HEAP_MB = 1024;
/** Threads in the pool unless `setPdfThreads` says otherwise. */
const DEFAULT_THREADS = 2;

export type ThreadOutcome =
  | { kind: 'result'; result: ParseThreadResult }
  | { kind: 'timeout' }
  | { kind: 'out-of-memory' }
  | { kind: 'crashed'; detail: string };

interface Job {
  id: number;
  input: ParseThreadInput;
  finish: (outcome: ThreadOutcome) => void;
  /** Set while a thread works on it. */
  thread?: PoolThread;
}

interface PoolThread {
  worker: Worker;
  job?: Job;
}

function startWorker(): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: MAX_HEAP_MB };
  if (!here.endsWith('.ts')) return new Worker(projectPath('dist', 'parse-thread.js'), { resourceLimits });
  const entry = new URL('./parse-thread.ts', here).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  // execArgv []: under tsx the thread would inherit tsx's global hooks, which
  // would also transform pdf.js; tsImport alone handles the .ts files.
  return new Worker(BOOTSTRAP, { eval: true, execArgv: [], workerData: { entry, tsxApi }, resourceLimits });
}

let size = DEFAULT_THREADS;
let nextId = 1;
const threads = new Set<PoolThread>();
const waiting: Job[] = [];

/** How many parsing threads this process keeps (from the config; at least 1). */
export function setPdfThreads(count: number): void {
  size = Math.max(1, Math.floor(count));
}

function retire(thread: PoolThread): void {
  threads.delete(thread);
  thread.job = undefined;
  void thread.worker.terminate();
}

function spawn(): PoolThread {
  const thread: PoolThread = { worker: startWorker() };
  const failed = (outcome: ThreadOutcome) => {
    const job = thread.job;
    retire(thread);
    job?.finish(outcome);
    dispatch();
  };
  thread.worker.on('message', (reply: ParseThreadReply) => {
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    thread.job = undefined;
    thread.worker.unref();
    job.finish({ kind: 'result', result: reply.result });
    dispatch();
  });
  thread.worker.on('error', (err: Error & { code?: string }) =>
    failed(
      err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? { kind: 'out-of-memory' }
        : { kind: 'crashed', detail: err.message },
    ),
  );
  thread.worker.on('exit', (code) =>
    failed({ kind: 'crashed', detail: `the PDF thread exited with code ${code}` }),
  );
  threads.add(thread);
  return thread;
}

/** Hand waiting jobs to idle threads, starting threads up to the pool size. */
function dispatch(): void {
  while (waiting.length > 0) {
    let idle: PoolThread | undefined;
    for (const t of threads) if (!t.job) idle = t;
    if (!idle && threads.size < size) idle = spawn();
    if (!idle) return;
    const job = waiting.shift() as Job;
    idle.job = job;
    job.thread = idle;
    idle.worker.ref();
    idle.worker.postMessage({ id: job.id, input: job.input });
  }
}

/**
 * Parse PDF bytes in a pooled thread. When `timeoutMs` passes (counted from
 * this call, waiting included) the job is dropped and its thread terminated.
 */
export function runParseThread(input: ParseThreadInput, timeoutMs: number): Promise<ThreadOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const job: Job = {
      id: nextId++,
      input,
      finish: (outcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      },
    };
    const timer = setTimeout(() => {
      const at = waiting.indexOf(job);
      if (at >= 0) waiting.splice(at, 1);
      if (job.thread?.job === job) retire(job.thread);
      job.finish({ kind: 'timeout' });
      dispatch();
    }, timeoutMs);
    waiting.push(job);
    dispatch();
  });
}

/** Start the pool's threads now (a worker process about to take PDFs), so the first PDF does not wait. */
export function warmPdfThreads(): void {
  while (threads.size < size) spawn().worker.unref();
}

/** Terminate every thread (tests, shutdown); the pool starts again on the next PDF. */
export async function closePdfThreads(): Promise<void> {
  const all = [...threads];
  for (const t of all) threads.delete(t);
  await Promise.all(all.map((t) => t.worker.terminate()));
}
