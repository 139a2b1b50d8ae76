/**
 * The single sign-on settings are checked together at start-up, each bad one
 * named with what to do; and the role a claim
 * gives is the highest its values map to.
 */
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { roleFromClaim } from '../../src/users/oidc-accounts.ts';

const issuer = { OIDC_ISSUER: 'https://login.team.example/realms/team', OIDC_CLIENT_ID: 'laysum' };

describe('OIDC settings', () => {
  it('are off without an issuer, and fill in the redirect URL and openid scope', () => {
    expect(parseEnv({}).oidc).toBeNull();
    const c = parseEnv({
      ...issuer,
      OIDC_CLIENT_SECRET: 'a-very-secret-value',
      PUBLIC_BASE_URL: 'https://desk.team.example/',
      OIDC_SCOPES: 'email groups',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ROLE_MAP: 'laysum-admins=admin, laysum-reviewers=reviewer',
    }).oidc;
    expect(c).toMatchObject({
      redirectUrl: 'https://desk.team.example/login/oidc/callback',
      scopes: 'openid email groups',
      roleClaim: 'realm_access.roles',
      roleMap: { 'laysum-admins': 'admin', 'laysum-reviewers': 'reviewer' },
    });
  });

  it('name each bad variable with what to do', () => {
    const bad = (env: Record<string, string>) => {
      try {
        parseEnv(env);
      } catch (err) {
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(bad({ OIDC_CLIENT_ID: 'laysum' })).toMatch(
      /OIDC_ISSUER: OIDC_CLIENT_ID is set: set the issuer URL too/,
    );
    expect(bad({ OIDC_ISSUER: issuer.OIDC_ISSUER })).toMatch(/OIDC_CLIENT_ID: OIDC_ISSUER is set/);
    expect(bad({ ...issuer, OIDC_ISSUER: 'http://login.team.example' })).toMatch(
      /OIDC_ISSUER: must be https:\/\//,
    );
    expect(bad({ ...issuer, OIDC_ISSUER: 'http://127.0.0.1:8080' })).toBe('accepted');
    expect(bad({ ...issuer, OIDC_REDIRECT_URL: 'https://desk.team.example/cb' })).toMatch(
      /OIDC_REDIRECT_URL: must end in \/login\/oidc\/callback/,
    );
    expect(bad({ ...issuer, OIDC_ROLE_CLAIM: 'groups', OIDC_ROLE_MAP: 'staff=owner' })).toMatch(
      /OIDC_ROLE_MAP: "staff=owner": owner is not a role/,
    );
    expect(bad({ ...issuer, OIDC_ROLE_MAP: 'staff=editor' })).toMatch(
      /OIDC_ROLE_CLAIM: OIDC_ROLE_MAP is set/,
    );
  });
});

describe('a role claim', () => {
  it('gives the highest role its values map to, or none', () => {
    const map = { 'laysum-editors': 'editor', 'laysum-admins': 'admin' } as const;
    expect(roleFromClaim(['staff', 'laysum-editors', 'laysum-admins'], map)).toBe('admin');
    expect(roleFromClaim(['staff'], map)).toBeNull();
    expect(roleFromClaim(['reviewer', 'nobody'], {})).toBe('reviewer');
  });
});
