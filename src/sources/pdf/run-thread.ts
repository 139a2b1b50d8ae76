/**
 * Starting the PDF parsing thread and waiting for it, with a deadline.
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
import type { ParseThreadInput, ParseThreadResult } from './thread-protocol.ts';

const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((api) => api.tsImport(workerData.entry, workerData.entry));
`;

/** Heap cap for the thread: a pathological PDF fails on its own instead of taking the process down. */
const MAX_HEAP_MB = 1024;

export type ThreadOutcome =
  | { kind: 'result'; result: ParseThreadResult }
  | { kind: 'timeout' }
  | { kind: 'out-of-memory' }
  | { kind: 'crashed'; detail: string };

function startThread(input: ParseThreadInput): Worker {
  const here = import.meta.url;
  const resourceLimits = { maxOldGenerationSizeMb: MAX_HEAP_MB };
  if (!here.endsWith('.ts')) {
    return new Worker(projectPath('dist', 'parse-thread.js'), { workerData: input, resourceLimits });
  }
  const entry = new URL('./parse-thread.ts', here).href;
  const tsxApi = import.meta.resolve('tsx/esm/api');
  // execArgv []: under tsx the thread would inherit tsx's global hooks, which
  // would also transform pdf.js; tsImport alone handles the .ts files.
  return new Worker(BOOTSTRAP, {
    eval: true,
    execArgv: [],
    workerData: { ...input, entry, tsxApi },
    resourceLimits,
  });
}

/** Parse PDF bytes in a worker thread; the thread is terminated when `timeoutMs` passes. */
export function runParseThread(input: ParseThreadInput, timeoutMs: number): Promise<ThreadOutcome> {
  return new Promise((resolve) => {
    const worker = startThread(input);
    let settled = false;
    const finish = (outcome: ThreadOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ kind: 'timeout' }), timeoutMs);
    worker.once('message', (result: ParseThreadResult) => finish({ kind: 'result', result }));
    worker.once('error', (err: Error & { code?: string }) =>
      finish(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory' }
          : { kind: 'crashed', detail: err.message },
      ),
    );
    worker.once('exit', (code) =>
      finish({ kind: 'crashed', detail: `the PDF thread exited with code ${code}` }),
    );
  });
}
