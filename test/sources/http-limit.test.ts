/**
 * src/net/http.ts with a body limit (feeds: FEED_MAX_BYTES): a body over it
 * is refused while it streams in, whether or not the server announced its
 * length, with the setting to raise; a body under it is read whole.
 */
import { afterEach, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors/permanent-error.ts';
import { httpRequest } from '../../src/net/http.ts';
import { startServer, type TestServer } from '../support/http-server.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chunk = 'x'.repeat(64 * 1024);
const limit = { bytes: 1_000_000, setting: 'FEED_MAX_BYTES' };

it('refuses a chunked body over the limit as it streams, and reads one under it', async () => {
  server = await startServer((req, res) => {
    const chunks = req.url.pathname === '/big' ? 200 : 4; // 12.8 MB or 256 KB, no content-length
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'transfer-encoding': 'chunked' });
    for (let i = 0; i < chunks; i++) res.write(chunk);
    res.end();
  });
  const get = (path: string) =>
    httpRequest({ url: `${server?.url}${path}`, service: 'The feed', maxBytes: limit }, { timeoutMs: 5000 });
  const err = await get('/big').catch((e: unknown) => e);
  expect(err).toBeInstanceOf(PermanentError);
  expect((err as PermanentError).describe()).toMatch(/more than 1000000 bytes[\s\S]*Raise FEED_MAX_BYTES/);
  expect((await get('/small')).text).toHaveLength(4 * chunk.length);
});

it('refuses an announced length over the limit without reading the body', async () => {
  server = await startServer((_req, res) => {
    res.writeHead(200, { 'content-length': String(20 * chunk.length) });
    for (let i = 0; i < 20; i++) res.write(chunk);
    res.end();
  });
  const err = await httpRequest(
    { url: `${server.url}/feed`, service: 'The feed', maxBytes: limit },
    { timeoutMs: 5000 },
  ).catch((e: unknown) => e);
  expect((err as Error).message).toMatch(/too large: 1310720 bytes, over the 1000000-byte limit/);
});
