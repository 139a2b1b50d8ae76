/**
 * Single sign-on settings (OIDC_* variables), checked together: an issuer
 * needs a client id, an http:// issuer is only for a provider on this
 * machine, the redirect URL must reach LaySum's callback, and the role map
 * must name LaySum's roles.
 */
import type { z } from 'zod';
import { Role } from '../domain/user.ts';
import type { Env } from './env-schema.ts';

export const OIDC_CALLBACK_PATH = '/login/oidc/callback';

export interface OidcConfig {
  issuer: string;
  clientId: string;
  /** Secret: never logged or shown. Undefined for a public client (PKCE only). */
  clientSecret: string | undefined;
  redirectUrl: string;
  scopes: string;
  /** The claim (a dotted path such as `realm_access.roles`) whose values give the role; null: admins set roles. */
  roleClaim: string | null;
  /** Claim value -> role; empty: the values are role names themselves. */
  roleMap: Record<string, Role>;
  /** The sign-in button's text. */
  label: string;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function oidcConfig(env: Env, ctx: z.RefinementCtx): OidcConfig | null | 'invalid' {
  const problem = (path: string, message: string) => {
    ctx.addIssue({ code: 'custom', path: [path], message });
    return 'invalid' as const;
  };
  if (!env.OIDC_ISSUER) {
    if (env.OIDC_CLIENT_ID) return problem('OIDC_ISSUER', 'OIDC_CLIENT_ID is set: set the issuer URL too');
    return null;
  }
  if (!env.OIDC_CLIENT_ID) return problem('OIDC_CLIENT_ID', 'OIDC_ISSUER is set: set the client id too');
  const issuer = new URL(env.OIDC_ISSUER);
  if (issuer.protocol !== 'https:' && !LOOPBACK.has(issuer.hostname))
    return problem('OIDC_ISSUER', 'must be https:// (http:// only for a provider on this machine)');
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, '');
  const redirectUrl = env.OIDC_REDIRECT_URL ?? `${base}${OIDC_CALLBACK_PATH}`;
  if (new URL(redirectUrl).pathname !== OIDC_CALLBACK_PATH)
    return problem('OIDC_REDIRECT_URL', `must end in ${OIDC_CALLBACK_PATH}, where LaySum takes the answer`);
  const roleMap = parseRoleMap(env.OIDC_ROLE_MAP ?? '');
  if (typeof roleMap === 'string') return problem('OIDC_ROLE_MAP', roleMap);
  if (Object.keys(roleMap).length > 0 && !env.OIDC_ROLE_CLAIM)
    return problem('OIDC_ROLE_CLAIM', 'OIDC_ROLE_MAP is set: name the claim it reads, e.g. groups');
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUrl,
    scopes: env.OIDC_SCOPES.includes('openid') ? env.OIDC_SCOPES : `openid ${env.OIDC_SCOPES}`,
    roleClaim: env.OIDC_ROLE_CLAIM ?? null,
    roleMap,
    label: env.OIDC_LABEL,
  };
}

/** `laysum-admins=admin,laysum-reviewers=reviewer`; a message for a bad entry. */
function parseRoleMap(text: string): Record<string, Role> | string {
  const map: Record<string, Role> = {};
  for (const entry of text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const at = entry.lastIndexOf('=');
    const value = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !value) return `"${entry}" is not VALUE=ROLE (e.g. laysum-admins=admin)`;
    const valid = Role.safeParse(role);
    if (!valid.success) return `"${entry}": ${role} is not a role; use ${Role.options.join(', ')}`;
    map[value] = valid.data;
  }
  return map;
}
