/**
 * The Redis keys of accounts and sessions, under the configured prefix like
 * every other LaySum key (so a test prefix removes them too).
 */
export interface UserKeys {
  /** Hash {role, tokenHash, createdAt}. */
  user(name: string): string;
  /** String: the user name owning the token with this SHA-256. */
  token(hash: string): string;
  /** Set of user names, for `users list`. */
  users: string;
  /** Hash {name, tokenHash, csrf, createdAt} of a web session, by the SHA-256 of its id. */
  session(hash: string): string;
}

export function userKeys(prefix: string): UserKeys {
  return {
    user: (name) => `${prefix}:user:${name}`,
    token: (hash) => `${prefix}:token:${hash}`,
    users: `${prefix}:users`,
    session: (hash) => `${prefix}:session:${hash}`,
  };
}
