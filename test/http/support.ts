/**
 * The HTTP app on a real port over the real Redis: a pipeline under its own
 * prefix (test/support/harness.ts), one account per role, the real logger
 * writing its JSON lines where the tests read them (to prove no token reaches
 * the log), and helpers to call the API and to sign in to the desk like a browser.
 */
import { createApp } from '../../src/http/app.tsx';
import { listen, type RunningServer } from '../../src/http/server.ts';
import type { AppDeps } from '../../src/http/types.ts';
import { createLogger } from '../../src/log/logger.ts';
import { appDeps } from '../../src/runtime/app-deps.ts';
import type { Role } from '../../src/users/roles.ts';
import { createPipeline, type Pipeline } from '../support/harness.ts';
import { answerChecker } from './openapi-check.ts';

export interface HttpHarness {
  p: Pipeline;
  deps: AppDeps;
  server: RunningServer;
  url: string;
  tokens: Record<Role, string>;
  /** The log's lines as written (JSON, at info). */
  logs: string[];
  /** fetch against the server, with `token` sent as a bearer token. */
  call(path: string, init?: RequestInit & { token?: string; json?: unknown }): Promise<Response>;
  cleanup(): Promise<void>;
}

/** Sources that point nowhere (connection refused, one attempt): for tests that submit real DOIs and PMIDs without reaching the network. */
export const OFFLINE_SOURCES = {
  NCBI_EUTILS_URL: 'http://127.0.0.1:9',
  CROSSREF_API_URL: 'http://127.0.0.1:9',
  EUROPEPMC_API_URL: 'http://127.0.0.1:9',
  HTTP_ATTEMPTS: '1',
};

export async function startHttp(env: Record<string, string> = {}): Promise<HttpHarness> {
  const p = await createPipeline(env);
  const logs: string[] = [];
  const log = createLogger(
    { ...p.ctx.config, log: { level: 'info', format: 'json' } },
    { name: 'serve', destination: { write: (line) => logs.push(line) } },
  );
  const deps = appDeps(p.ctx, log);
  // PORT in `env`: listen there (a test that must know the address before the config is parsed).
  const server = await listen(createApp(deps), env.PORT ? p.ctx.config.http.port : 0, '127.0.0.1');
  const tokens = {} as Record<Role, string>;
  // The served document, read once (its request's log lines dropped: tests read the log).
  const logged = logs.length;
  const check = answerChecker(await (await fetch(`${server.url}/api/openapi.json`)).json());
  logs.splice(logged);
  for (const role of ['editor', 'reviewer', 'admin'] as const)
    tokens[role] = (await deps.users.add(`${role}-1`, role)).token;
  return {
    p,
    deps,
    server,
    url: server.url,
    tokens,
    logs,
    async call(path, init = {}) {
      const { token, json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token) headers.set('authorization', `Bearer ${token}`);
      if (json !== undefined) headers.set('content-type', 'application/json');
      const res = await fetch(server.url + path, {
        ...rest,
        headers,
        redirect: 'manual',
        ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
      });
      await check(rest.method ?? 'GET', path, res);
      return res;
    },
    async cleanup() {
      await server.close();
      await p.cleanup();
    },
  };
}

/** A browser-like session: cookies kept between requests, CSRF token read from the pages. */
export interface WebSession {
  cookie: string;
  csrf: string;
  get(path: string): Promise<Response>;
  post(path: string, fields: Record<string, string>, options?: { csrf?: boolean }): Promise<Response>;
}

function cookiesFrom(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const at = pair?.indexOf('=') ?? -1;
    if (pair && at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return jar;
}

export function hiddenCsrf(page: string): string {
  return /name="_csrf" value="([^"]*)"/.exec(page)?.[1] ?? '';
}

const browserHeaders = { accept: 'text/html', 'sec-fetch-site': 'same-origin' };

/** Post the sign-in form (a token, or `login` and `password`) as a browser would: its page first, for the CSRF cookie. */
export async function postLogin(
  h: HttpHarness,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = await fetch(`${h.url}/login`, {
    headers: { ...browserHeaders, ...headers },
    redirect: 'manual',
  });
  const loginCookie = [...cookiesFrom(form)].map(([k, v]) => `${k}=${v}`).join('; ');
  const body = new URLSearchParams({ _csrf: hiddenCsrf(await form.text()), next: '/desk', ...fields });
  return fetch(`${h.url}/login`, {
    method: 'POST',
    body,
    headers: { ...browserHeaders, ...headers, cookie: loginCookie },
    redirect: 'manual',
  });
}

/** The session cookie a sign-in answer set, as a `cookie` header value. */
export function sessionCookie(res: Response): string {
  return `laysum_session=${cookiesFrom(res).get('laysum_session') ?? ''}`;
}

export async function signIn(h: HttpHarness, token: string): Promise<WebSession> {
  return sessionFrom(h, await postLogin(h, { token }));
}

/** A browser-like session from a sign-in answer (303 with the session cookie). */
export async function sessionFrom(h: HttpHarness, res: Response): Promise<WebSession> {
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const session = cookiesFrom(res).get('laysum_session') ?? '';
  const cookie = `laysum_session=${session}`;
  const desk = await fetch(`${h.url}/desk`, { headers: { ...browserHeaders, cookie } });
  const csrf = hiddenCsrf(await desk.text());
  const web: WebSession = {
    cookie,
    csrf,
    get: (path) => fetch(h.url + path, { headers: { ...browserHeaders, cookie }, redirect: 'manual' }),
    post: (path, fields, options = {}) => {
      const form = new URLSearchParams(fields);
      if (options.csrf !== false) form.set('_csrf', csrf);
      return fetch(h.url + path, {
        method: 'POST',
        body: form,
        headers: { ...browserHeaders, cookie },
        redirect: 'manual',
      });
    },
  };
  return web;
}

/**
 * Pasted text for a paper: a title line, a blank line, a structured abstract.
 * The abstract names the title, so two titles make two papers (an identical
 * abstract is the same paper, whatever its title).
 */
export function paperText(title: string, extra = ''): string {
  return `${title}

BACKGROUND: This study, "${title}", asks about falls. Hip fractures in older adults lead to loss of independence and high costs for families and health services. ${extra}
METHODS: We followed 1200 adults aged 65 and over for five years and recorded every fall and fracture, comparing people who took part in weekly balance classes with people who did not.
RESULTS: People in the balance classes had fewer falls and 30 percent fewer hip fractures than people who did not take part, and the benefit was largest in the oldest group.
CONCLUSIONS: Weekly balance classes may lower the risk of hip fracture in older adults; larger randomised trials are needed to confirm this.`;
}

/** What a reviewer writes where the extractive draft left placeholders (who cares, how interesting). */
export const REVIEWER_FILL = {
  audience:
    'Older adults, their families and the people who plan care for them: the finding points to a simple, low-cost way to lower the risk of a broken hip.',
  ratings: {
    credibility: { score: 3, rationale: 'A large observational study: it shows a link, not proof of cause.' },
    interest: { score: 4, rationale: 'Falls and broken hips are common and serious in later life.' },
  },
};

/** Save the reviewer's text over the extractive draft's placeholders (PATCH); returns the new version. */
export async function fillPlaceholders(
  h: HttpHarness,
  id: string,
  basedOn: number,
  token = h.tokens.reviewer,
) {
  const res = await h.call(`/api/drafts/${id}`, {
    method: 'PATCH',
    token,
    json: { basedOn, changes: REVIEWER_FILL },
  });
  if (res.status !== 200) throw new Error(`fill failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { version: number }).version;
}

/** Submit pasted text as the editor and wait for its first draft (pending review); returns the id. */
export async function draftedPaper(h: HttpHarness, title: string): Promise<string> {
  const res = await h.call('/api/papers', {
    method: 'POST',
    token: h.tokens.editor,
    json: { text: paperText(title) },
  });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${await res.text()}`);
  const { id } = (await res.json()) as { id: string };
  await h.p.waitFor(id, ['pending_review']);
  return id;
}

/** A drafted paper whose placeholders a reviewer has written: version 2, pending review. */
export async function reviewedPaper(h: HttpHarness, title: string): Promise<string> {
  const id = await draftedPaper(h, title);
  await fillPlaceholders(h, id, 1);
  return id;
}

/** A reviewed paper approved and published through the API (workers must be running): its id and slug. */
export async function publishedPaper(h: HttpHarness, title: string): Promise<{ id: string; slug: string }> {
  const id = await reviewedPaper(h, title);
  for (const action of ['approve', 'publish']) {
    const res = await h.call(`/api/drafts/${id}/${action}`, {
      method: 'POST',
      token: h.tokens.reviewer,
      json: { basedOn: 2 },
    });
    if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${await res.text()}`);
  }
  return { id, slug: (await h.p.ctx.store.get(id))?.publication?.slug ?? '' };
}
