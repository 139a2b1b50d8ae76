/**
 * Messages that must not contradict themselves: a paper the queue gave up on
 * does not also say "will retry"; the desk says "press Retry" beside its
 * Retry button rather than a CLI command; a reviewer told why a draft is
 * read-only hears the state and what to do, not a role they already have;
 * a busy port is named with what to do.
 */
import { createServer } from 'node:http';
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { describeGivenUp } from '../../src/errors/describe.ts';
import { TransientError } from '../../src/errors/transient-error.ts';
import { listen } from '../../src/http/server.ts';
import { deskWording } from '../../src/http/web/views/format.ts';
import { readOnlyReason } from '../../src/http/web/views/review.tsx';

it('drops "LaySum will retry" from the last word on a job, keeping what to do', () => {
  const timeout = new TransientError('The LLM server did not answer within 100 ms.', {
    hint: 'LaySum will retry; raise LLM_TIMEOUT_MS if your model is slow.',
  });
  expect(describeGivenUp(timeout)).toBe(
    'The LLM server did not answer within 100 ms.\n  Raise LLM_TIMEOUT_MS if your model is slow.',
  );
  const busy = new TransientError('HTTP 503', { hint: 'LaySum will retry with backoff.' });
  expect(describeGivenUp(busy)).toBe('HTTP 503');
  expect(describeGivenUp(new Error('boom'))).toBe('boom');
});

it('says "press Retry" on the desk where the CLI says `laysum retry`', () => {
  const stored =
    'summarize gave up after 3 attempt(s): HTTP 503\n  Run `laysum retry p0123456789ab` once the problem is fixed.';
  expect(deskWording(stored)).toBe(
    'summarize gave up after 3 attempt(s): HTTP 503 Press Retry below once the problem is fixed.',
  );
  expect(deskWording('Check OPENAI_API_KEY (and OPENAI_BASE_URL), then run `laysum retry <id>`.')).toBe(
    'Check OPENAI_API_KEY (and OPENAI_BASE_URL), then press Retry below.',
  );
});

it('tells a reviewer the state and what to do, and only others about roles', () => {
  expect(readOnlyReason('rejected', true, 'reviewer')).toMatch(/rejected\. Reopen it/);
  expect(readOnlyReason('summarizing', true, 'reviewer')).toMatch(/summarizer writes a new version/);
  expect(readOnlyReason('failed', true, 'admin')).toMatch(/Retry it/);
  for (const state of ['rejected', 'summarizing', 'failed', 'queued', 'unpublished'] as const)
    expect(readOnlyReason(state, true, 'reviewer')).not.toMatch(/reviewers and admins/);
  expect(readOnlyReason('pending_review', false, 'editor')).toMatch(/signed in as an editor/);
});

it('names a busy port and what to do instead of printing EADDRINUSE', async () => {
  const other = createServer();
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  try {
    await expect(listen(new Hono(), port, '127.0.0.1')).rejects.toThrow(
      `127.0.0.1:${port} is in use: another server is listening there.`,
    );
    await expect(listen(new Hono(), port, '127.0.0.1')).rejects.toMatchObject({
      hint: expect.stringMatching(/Stop the other server .* or set PORT/),
    });
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});
