/**
 * The users port: accounts with their credentials (only hashes: of the API
 * token, the scrypt password, the identity provider link, the reset link's
 * secret), and web sessions by the hash of their id. The rules (names,
 * emails, token and password checks, who may reset, OIDC roles) live in
 * src/users; this records and answers. Redis: src/store/users.ts, user-sessions.ts.
 */
import type { Role, Session, StoredUser } from '../user.ts';

export interface NewAccount {
  name: string;
  role: Role;
  /** Lower case, or null for none. */
  email: string | null;
  /** SHA-256 of the account's named token, or null for an account without one. */
  tokenHash: string | null;
  createdAt: string;
  stamp: string;
}

export interface ResetRecord {
  name: string;
  expiresAtMs: number;
  /** Whether it is still the account's latest link (a newer one voids it). */
  latest: boolean;
}

export interface UserRecords {
  /** Create the account at once, or nothing when its name or email is taken. */
  create(account: NewAccount): Promise<'created' | 'name-taken' | 'email-taken'>;
  /** The account, or null for none (or a record too broken to sign in with). */
  get(name: string): Promise<StoredUser | null>;
  /** Every account's name, unsorted. */
  names(): Promise<string[]>;
  /** The account with this (lower-case) email. */
  nameForEmail(address: string): Promise<string | null>;
  /** Remove the account with its token, email, identity and reset link indexes; false when there is none. */
  remove(name: string): Promise<boolean>;
  setRole(name: string, role: Role): Promise<void>;
  /**
   * Change (null: clear) the email, if it is still `current` as the caller read it:
   * 'taken' when another account has it, 'stale' when the account is gone or its email changed meanwhile.
   */
  setEmail(
    name: string,
    email: string | null,
    current: string | null,
  ): Promise<'changed' | 'taken' | 'stale'>;

  /** The account with its scrypt password hash (null when it has no password), or nulls for no account. */
  withPasswordHash(name: string): Promise<{ user: StoredUser | null; passwordHash: string | null }>;
  /** Give the account a new named token and stamp; an older, unnamed token goes with its index. */
  setToken(name: string, tokenHash: string, stamp: string): Promise<void>;
  /** The account owning an older, unnamed token with this hash (named tokens need no index). */
  nameForOlderToken(tokenHash: string): Promise<string | null>;

  /** The account linked to this identity (hash of issuer and subject), while the account still names that link. */
  linkedName(link: string): Promise<string | null>;
  /** Link the account to this identity, dropping its earlier link. */
  setLink(name: string, link: string): Promise<void>;

  /** Keep a reset link (by its secret's hash) as the account's latest, voiding any earlier one. */
  saveResetLink(name: string, hash: string, expiresAtMs: number): Promise<void>;
  resetLink(hash: string): Promise<ResetRecord | null>;
  /**
   * Set the password through the link, once: only while the link is `name`'s latest and
   * unexpired at `nowMs`; spends it and gives the account a new stamp. False when spent.
   */
  useResetLink(
    hash: string,
    change: { name: string; passwordHash: string; stamp: string; nowMs: number },
  ): Promise<boolean>;
}

export interface SessionRecords {
  save(hash: string, session: Session, ttlSeconds: number): Promise<void>;
  get(hash: string): Promise<Session | null>;
  remove(hash: string): Promise<void>;
}
