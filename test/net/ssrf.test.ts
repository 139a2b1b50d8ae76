/**
 * Fetching a URL a user gave (src/net/destinations.ts, src/net/guarded-fetch.ts):
 * internal destinations are refused as written, as resolved at connect time,
 * and after a redirect; FETCH_ALLOW_PRIVATE lets a named host or range
 * through; a refusal never carries what the internal service would answer.
 * The "internal service" is a real server on 127.0.0.1 holding a secret.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { BlockedDestinationError } from '../../src/errors/blocked-destination-error.ts';
import { NO_PRIVATE, type PrivateAllowList, urlProblem } from '../../src/net/destinations.ts';
import { guardedFetch } from '../../src/net/guarded-fetch.ts';
import { startServer, type TestServer } from '../support/http-server.ts';

const SECRET = 'INTERNAL-SECRET-7f3a9c';
let internal: TestServer;
let outside: TestServer;
let redirector: TestServer;

beforeAll(async () => {
  internal = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`${SECRET} redis_version:7.0`);
  });
  // 127.0.0.2 plays a server elsewhere that the test allows; it serves a feed or redirects inside.
  outside = await startServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.end('<rss version="2.0"><channel><title>ok</title></channel></rss>');
  }, '127.0.0.2');
  redirector = await startServer((req, res) => {
    const to = req.url.searchParams.get('to') ?? '';
    res.writeHead(302, { location: to });
    res.end();
  }, '127.0.0.2');
});
afterAll(async () => {
  for (const s of [internal, outside, redirector]) await s.close();
});

const allowOf = (value: string): PrivateAllowList =>
  parseEnv({ FETCH_ALLOW_PRIVATE: value }).fetch.allowPrivate;

/** The issue's list, then the usual encodings of the same places. */
const SSRF = [
  'http://127.0.0.1:6379/',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://[fd00:ec2::254]/latest/meta-data/',
  'http://2852039166/',
  'http://metadata.google.internal/computeMetadata/v1/',
  'http://10.0.0.1/',
  'http://0x7f.1/',
  'http://0177.0.0.1/',
  'http://127.1/',
  'http://0.0.0.0:6379/',
  'http://0/',
  'http://[::1]/',
  'http://[::]/',
  'http://[::ffff:127.0.0.1]/',
  'http://[::ffff:a9fe:a9fe]/',
  'http://[fe80::1]/',
  'http://100.64.0.1/',
  'http://172.16.5.4/',
  'http://192.168.1.1/',
  'http://[64:ff9b::a9fe:a9fe]/',
  'http://localhost:6379/',
  'http://app.localhost/',
  'http://intranet/',
];

describe('destinations refused before anything is resolved', () => {
  it.each(SSRF)('%s', (url) => {
    expect(urlProblem(new URL(url), NO_PRIVATE)).toMatch(/is (a|an) |only exists inside a network/);
  });

  it('lets public addresses and names through (their resolved addresses are checked at connect time)', () => {
    for (const url of ['https://www.nature.com/nature.rss', 'http://8.8.8.8/', 'http://[2606:4700::1111]/'])
      expect(urlProblem(new URL(url), NO_PRIVATE)).toBeNull();
  });

  it('FETCH_ALLOW_PRIVATE allows exactly the hosts and ranges it lists', () => {
    const allow = allowOf('feeds.intranet, 10.20.0.0/16, fd00::/8');
    expect(urlProblem(new URL('http://feeds.intranet/rss'), allow)).toBeNull();
    expect(urlProblem(new URL('http://10.20.3.4/rss'), allow)).toBeNull();
    expect(urlProblem(new URL('http://[fd00:ec2::254]/'), allow)).toBeNull();
    expect(urlProblem(new URL('http://10.21.0.1/'), allow)).toMatch(/private/);
    expect(urlProblem(new URL('http://169.254.169.254/'), allow)).toMatch(/link-local/);
  });

  it('a bad FETCH_ALLOW_PRIVATE entry stops start-up naming the setting', () => {
    expect(() => parseEnv({ FETCH_ALLOW_PRIVATE: '10.0.0.0/99' })).toThrow(
      /FETCH_ALLOW_PRIVATE: "10.0.0.0\/99" is not/,
    );
    expect(() => parseEnv({ FETCH_ALLOW_PRIVATE: 'http://x/' })).toThrow(/FETCH_ALLOW_PRIVATE/);
  });
});

async function refusal(promise: Promise<Response>): Promise<BlockedDestinationError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(BlockedDestinationError);
  return err as BlockedDestinationError;
}

describe('guardedFetch', () => {
  const internalPort = () => new URL(internal.url).port;

  it('refuses the internal server by address and by a name that resolves to it; nothing reaches it', async () => {
    const before = internal.requests.length;
    const fetchIt = guardedFetch(NO_PRIVATE);
    for (const url of [
      internal.url,
      `http://localhost:${internalPort()}/`,
      `http://2130706433:${internalPort()}/`,
    ]) {
      const err = await refusal(fetchIt(url, {}));
      expect(err.message).toMatch(/^Refused to fetch http:\/\/(127\.0\.0\.1|localhost):\d+: /);
      expect(err.hint).toContain('FETCH_ALLOW_PRIVATE');
      expect(`${err.message} ${err.hint}`).not.toContain(SECRET);
    }
    expect(internal.requests.length).toBe(before);
  });

  it('checks the address the connection uses (DNS rebinding: public when asked first, internal when connecting)', async () => {
    let asked = 0;
    // A name whose DNS answers a public address first and the internal one after.
    const rebinding: LookupFunction = (hostname, options, callback) => {
      if (hostname !== 'rebind.example.test') return dnsLookup(hostname, options, callback);
      asked++;
      const address = asked === 1 ? '93.184.216.34' : '127.0.0.1';
      if (options.all) return callback(null, [{ address, family: 4 }]);
      return callback(null, address, 4);
    };
    const url = `http://rebind.example.test:${internalPort()}/`;
    expect(urlProblem(new URL(url), NO_PRIVATE)).toBeNull(); // a check at submit time sees nothing wrong
    rebinding('rebind.example.test', {}, () => {}); // the first answer, as a submit-time check would get
    const before = internal.requests.length;
    const err = await refusal(guardedFetch(NO_PRIVATE, rebinding)(url, {}));
    expect(err.message).toContain('rebind.example.test resolves to 127.0.0.1 is a loopback address');
    expect(internal.requests.length).toBe(before);
  });

  it('follows a redirect from an allowed server only while each hop is allowed', async () => {
    const allow = allowOf('127.0.0.2');
    const fetchIt = guardedFetch(allow);
    const ok = await fetchIt(`${redirector.url}/?to=${encodeURIComponent(`${outside.url}/feed.xml`)}`, {});
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<rss');
    const before = internal.requests.length;
    for (const to of [`${internal.url}/`, `http://localhost:${internalPort()}/`, 'http://169.254.169.254/']) {
      const err = await refusal(fetchIt(`${redirector.url}/?to=${encodeURIComponent(to)}`, {}));
      expect(err.message).toMatch(/is a (loopback|link-local) address|only exists inside a network/);
      expect(err.message).not.toContain(SECRET);
    }
    expect(internal.requests.length).toBe(before);
  });

  it('fetches a private address the allow-list names', async () => {
    const res = await guardedFetch(allowOf('127.0.0.1'))(`${internal.url}/`, {});
    expect(await res.text()).toContain(SECRET);
  });
});
