/**
 * A scripted OpenAI Chat Completions server for `npm run eval` when no model
 * is configured: it answers each request with the next queued JSON reply, so
 * the real SDK call path (LaySum's llm-call.ts, structured output, zod) runs
 * end to end without a model. The test suite's fuller fake lives in
 * test/support/fake-openai.ts.
 */
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
