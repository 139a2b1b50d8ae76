/**
 * A real OpenID Connect provider for tests: the `oidc-provider` package (a
 * certified OP) on a local port, with its own sign-in page (a login and a
 * password checked against `users`, no external resources), consent given
 * for its registered clients, and PKCE required. Plus a cookie-keeping
 * client that follows a browser's redirects between the provider and LaySum.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export interface IdpUser {
  password: string;
  /** Claims beyond `sub`: email, email_verified, preferred_username, groups... */
  claims: Record<string, unknown>;
}

export interface IdpClient {
  id: string;
  secret: string;
  redirectUri: string;
}

export interface TestIdp {
  issuer: string;
  /** Change a user's claims or add a user while the provider runs. */
  users: Record<string, IdpUser>;
  close(): Promise<void>;
}

const page = (body: string) =>
  `<!doctype html><html><head><title>Team sign-in</title></head><body><h1>Team sign-in</h1>${body}</body></html>`;

function loginForm(uid: string, message = ''): string {
  return page(`${message ? `<p id="idp-error">${message}</p>` : ''}
<form method="post" action="/interaction/${uid}">
<label for="idp-login">Login</label><input id="idp-login" name="login" required>
<label for="idp-password">Password</label><input id="idp-password" name="password" type="password" required>
<button type="submit" id="idp-submit">Sign in</button></form>`);
}

async function formBody(req: IncomingMessage): Promise<URLSearchParams> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return new URLSearchParams(text);
}

export async function startIdp(clients: IdpClient[], users: Record<string, IdpUser>): Promise<TestIdp> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: clients.map((c) => ({
      client_id: c.id,
      client_secret: c.secret,
      redirect_uris: [c.redirectUri],
    })),
    pkce: { required: () => true },
    scopes: ['openid', 'email', 'profile', 'groups'],
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['preferred_username', 'name'],
      groups: ['groups'],
    },
    cookies: { keys: ['laysum-test-idp-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const user = users[sub];
      return user ? { accountId: sub, claims: () => ({ sub, ...user.claims }) } : undefined;
    },
    // A first-party client: consent is given on sign-in, as a team's provider is set up for its own apps.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope('openid email profile groups');
      await grant.save();
      return grant;
    },
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const uid = /^\/interaction\/([^/?]+)$/.exec(req.url ?? '')?.[1];
    if (!uid) return void handle(req, res);
    void interaction(provider, users, uid, req, res).catch((err: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(err));
    });
  });
  return {
    issuer,
    users,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function interaction(
  provider: Provider,
  users: Record<string, IdpUser>,
  uid: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  await provider.interactionDetails(req, res);
  const html = { 'content-type': 'text/html; charset=utf-8' };
  if (req.method !== 'POST') return void res.writeHead(200, html).end(loginForm(uid));
  const form = await formBody(req);
  const login = form.get('login') ?? '';
  if (users[login]?.password !== form.get('password'))
    return void res.writeHead(401, html).end(loginForm(uid, 'Wrong login or password.'));
  await provider.interactionFinished(
    req,
    res,
    { login: { accountId: login } },
    { mergeWithLastSubmission: false },
  );
}

/** A client that keeps cookies per host and follows redirects one at a time, as a browser would. */
export class CookieBrowser {
  private readonly jars = new Map<string, Map<string, string>>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const host = new URL(url).host;
    const jar = this.jars.get(host) ?? new Map<string, string>();
    this.jars.set(host, jar);
    const headers = new Headers(init.headers);
    headers.set('accept', 'text/html');
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const gone = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a),
      );
      if (at > 0 && gone) jar.delete(pair.slice(0, at));
      else if (at > 0) jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  }

  /** Follow 30x answers from `url`; every URL visited, and the last answer. */
  async follow(url: string, init: RequestInit = {}): Promise<{ visited: string[]; res: Response }> {
    const visited = [url];
    let res = await this.fetch(url, init);
    while (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location') ?? '', visited.at(-1)).href;
      visited.push(next);
      res = await this.fetch(next);
    }
    return { visited, res };
  }
}
