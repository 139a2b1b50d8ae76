/**
 * The OpenID Connect relying party (openid-client): discovery of the
 * provider (once per app, again after a failure), the authorization request
 * with PKCE, state and nonce, and the answer: the code exchanged for tokens,
 * the ID token checked, the userinfo read, the claims made into an identity.
 * The attempt's verifier, state and nonce travel in an httpOnly cookie of
 * the browser that started it (deleted at the callback), not in Redis, so
 * anonymous requests to start a sign-in store nothing on the server. Errors
 * say what went wrong without a secret or a provider's raw body.
 */
import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../config/env.ts';
import { redactSecrets } from '../errors/redact.ts';
import type { OidcIdentity } from '../users/oidc-accounts.ts';
import { HttpError } from './errors.ts';
import type { AppDeps } from './types.ts';

export const OIDC_STATE_SECONDS = 600;

export interface OidcFlow {
  /** Start a sign-in: the provider's URL to send the browser to, and the cookie that remembers the attempt. */
  start(next: string): Promise<{ url: string; cookie: string }>;
  /** Finish it from the callback's query: who the provider says this is, and where to go. */
  finish(cookie: string, search: string): Promise<{ identity: OidcIdentity; next: string }>;
}

const made = new WeakMap<AppDeps, OidcFlow>();

/** The app's flow (one per app, so discovery is cached); null without OIDC_ISSUER. */
export function oidcFlow(deps: AppDeps): OidcFlow | null {
  const config = deps.config.oidc;
  if (!config) return null;
  let flow = made.get(deps);
  if (!flow) {
    flow = createFlow(config);
    made.set(deps, flow);
  }
  return flow;
}

function createFlow(oidc: OidcConfig): OidcFlow {
  let discovered: Promise<client.Configuration> | undefined;
  const configuration = () => {
    discovered ??= discover(oidc).catch((err: unknown) => {
      discovered = undefined;
      throw unreachable(oidc, err);
    });
    return discovered;
  };

  return {
    async start(next) {
      const config = await configuration();
      const attempt: Attempt = {
        verifier: client.randomPKCECodeVerifier(),
        state: client.randomState(),
        nonce: client.randomNonce(),
        next,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: oidc.redirectUrl,
        scope: oidc.scopes,
        code_challenge: await client.calculatePKCECodeChallenge(attempt.verifier),
        code_challenge_method: 'S256',
        state: attempt.state,
        nonce: attempt.nonce,
      });
      return { url: url.href, cookie: Buffer.from(JSON.stringify(attempt)).toString('base64url') };
    },
    async finish(cookie, search) {
      const started = attemptOf(cookie);
      if (!started) throw expired();
      const config = await configuration();
      const current = new URL(oidc.redirectUrl);
      current.search = search;
      const tokens = await client
        .authorizationCodeGrant(config, current, {
          pkceCodeVerifier: started.verifier,
          expectedState: started.state,
          expectedNonce: started.nonce,
        })
        .catch((err: unknown) => {
          throw refused(oidc, err);
        });
      const claims = tokens.claims();
      if (!claims) throw refused(oidc, new Error('the answer had no ID token'));
      const info = await client
        .fetchUserInfo(config, tokens.access_token, claims.sub)
        .catch((err: unknown) => {
          throw refused(oidc, err);
        });
      return { identity: identityOf(oidc, { ...info, ...claims }), next: started.next };
    },
  };
}

/** What one sign-in attempt must remember until the provider answers. */
const Attempt = z.object({
  verifier: z.string().min(43).max(128),
  state: z.string().min(1).max(128),
  nonce: z.string().min(1).max(128),
  next: z.string().max(600),
});
type Attempt = z.infer<typeof Attempt>;

function attemptOf(cookie: string): Attempt | null {
  if (!cookie || cookie.length > 2000) return null;
  try {
    return Attempt.safeParse(JSON.parse(Buffer.from(cookie, 'base64url').toString('utf8'))).data ?? null;
  } catch {
    return null;
  }
}

function discover(oidc: OidcConfig): Promise<client.Configuration> {
  const insecure = new URL(oidc.issuer).protocol === 'http:';
  const options = { timeout: 15, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) };
  return oidc.clientSecret
    ? client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, options)
    : client.discovery(
        new URL(oidc.issuer),
        oidc.clientId,
        { token_endpoint_auth_method: 'none' },
        client.None(),
        options,
      );
}

/** A claim by dotted path (`realm_access.roles`) as a list of strings. */
function claimValues(claims: Record<string, unknown>, path: string): string[] {
  let value: unknown = claims;
  for (const part of path.split('.'))
    value = typeof value === 'object' && value !== null ? Reflect.get(value, part) : undefined;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function identityOf(oidc: OidcConfig, claims: Record<string, unknown>): OidcIdentity {
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : null);
  return {
    issuer: oidc.issuer,
    subject: text('sub') ?? '',
    email: text('email'),
    emailVerified: claims.email_verified === true,
    username: text('preferred_username'),
    roleValues: oidc.roleClaim ? claimValues(claims, oidc.roleClaim) : null,
  };
}

/** What an openid-client error says, with its OAuth error code; never a secret. */
function reason(oidc: OidcConfig, err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = Reflect.get(err, 'error');
  const description = Reflect.get(err, 'error_description');
  const text =
    typeof code === 'string'
      ? `${code}${typeof description === 'string' ? ` (${description})` : ''}`
      : err.cause instanceof Error
        ? `${err.message}: ${err.cause.message}`
        : err.message;
  return redactSecrets(text, [oidc.clientSecret]).slice(0, 300);
}

const expired = () =>
  new HttpError(
    400,
    'This single sign-on answer does not belong to a sign-in started in this browser, or it was used or took over ten minutes.',
    'Start again from the sign-in page.',
  );

const unreachable = (oidc: OidcConfig, err: unknown) =>
  new HttpError(
    502,
    `Could not reach the identity provider at ${oidc.issuer}: ${reason(oidc, err)}.`,
    'Try again shortly; if it keeps failing, an admin should check OIDC_ISSUER and that the provider is up.',
  );

const refused = (oidc: OidcConfig, err: unknown) => {
  // The answer carries another attempt's state: it was started in another browser (or forged).
  if (
    err instanceof Error &&
    /"state"/.test(`${err.message} ${String((err.cause as Error | undefined)?.message)}`)
  )
    return expired();
  const denied = err instanceof client.AuthorizationResponseError;
  return new HttpError(
    denied ? 401 : 502,
    `${denied ? 'The identity provider did not sign you in' : 'Single sign-on failed'}: ${reason(oidc, err)}.`,
    denied
      ? 'Try again, or sign in with your password.'
      : 'Try again; if it keeps failing, an admin should check OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_REDIRECT_URL.',
  );
};
