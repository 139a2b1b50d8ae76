/**
 * Web sessions: the review desk signs in once (password, single sign-on or
 * token) and then carries a random session id in an httpOnly cookie. The
 * store keeps only the id's hash, the user's name, the account's stamp at sign-in
 * (so removing or re-creating the user, reissuing their token or setting a
 * new password ends the session) and the session's CSRF token.
 */
import type { SessionRecords } from '../domain/ports/users.ts';
import type { Session, StoredUser } from '../domain/user.ts';
import { hashToken, newSecret, plausibleToken } from './tokens.ts';

export type { Session };

export const SESSION_TTL_SECONDS = 12 * 3600;

export class SessionStore {
  constructor(
    private readonly records: SessionRecords,
    readonly ttlSeconds = SESSION_TTL_SECONDS,
  ) {}

  /** Start a session; returns the id for the cookie (never stored as such). */
  async create(user: StoredUser): Promise<{ id: string; session: Session }> {
    const id = newSecret();
    const session: Session = { name: user.name, stamp: user.stamp, csrf: newSecret() };
    await this.records.save(hashToken(id), session, this.ttlSeconds);
    return { id, session };
  }

  async get(id: string): Promise<Session | null> {
    return plausibleToken(id) ? this.records.get(hashToken(id)) : null;
  }

  async destroy(id: string): Promise<void> {
    if (plausibleToken(id)) await this.records.remove(hashToken(id));
  }
}
