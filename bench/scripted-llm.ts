/**
 * A scripted OpenAI Chat Completions server for `npm run eval` when no model
 * is configured: it answers each request with the next queued JSON reply, so
 * the real SDK call path (LaySum's llm-call.ts, structured output, zod) runs
 * end to end without a model. The test suite's fuller fake lives in
 * test/support/fake-openai.ts.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedLlm {
  baseURL: string;
  push(reply: unknown): void;
  /** Requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/** `always`: the reply when none is queued, given the request's number (`npm run bench`). */
export async function startScriptedLlm(
  always: (request: number) => unknown = () => ({}),
): Promise<ScriptedLlm> {
  const queue: unknown[] = [];
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests++;
      const content = JSON.stringify(queue.length > 0 ? queue.shift() : always(requests));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-scripted',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: 'scripted',
          choices: [
            { index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop' },
          ],
          usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    push: (reply) => queue.push(reply),
    get requests() {
      return requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The bench's scripted model (./scripted-llm-child.ts) in a child process: its base URL and how to stop it. */
export async function startScriptedLlmProcess(): Promise<Pick<ScriptedLlm, 'baseURL' | 'close'>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./scripted-llm-child.ts', import.meta.url).pathname],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  const baseURL = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(line.trim());
    });
    child.once('exit', (code) =>
      reject(new Error(`the scripted model's process ended (exit ${code}) before it listened`)),
    );
  });
  return {
    baseURL,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
