/**
 * The Redis keys of accounts and sessions, under the configured prefix like
 * every other LaySum key (so a test prefix removes them too). For src/store
 * alone, like ./keys.ts.
 */
export interface UserKeys {
  /**
   * Hash {role, createdAt, stamp, namedTokenHash? (or tokenHash, an older unnamed token's), passwordHash?,
   * passwordSetAt?, email?, oidc?, resetHash?}.
   * `stamp` changes whenever the account's sessions must end (token reissued, password set).
   */
  user(name: string): string;
  /** String: the user name owning an older, unnamed token with this SHA-256 (named tokens need no index). */
  token(hash: string): string;
  /** Set of user names, for `users list`. */
  users: string;
  /** String: the user name with this email (lower case). */
  email(address: string): string;
  /** String: the user name linked to an identity provider's subject, by SHA-256 of "issuer\nsubject". */
  oidc(hash: string): string;
  /** Hash {name, expiresAt} of a password reset link, by the SHA-256 of its secret; expires with the link. */
  reset(hash: string): string;
  /** Hash {name, stamp, csrf, createdAt} of a web session, by the SHA-256 of its id. */
  session(hash: string): string;
}

export function userKeys(prefix: string): UserKeys {
  return {
    user: (name) => `${prefix}:user:${name}`,
    token: (hash) => `${prefix}:token:${hash}`,
    users: `${prefix}:users`,
    email: (address) => `${prefix}:user-email:${address.toLowerCase()}`,
    oidc: (hash) => `${prefix}:user-oidc:${hash}`,
    reset: (hash) => `${prefix}:reset:${hash}`,
    session: (hash) => `${prefix}:session:${hash}`,
  };
}
