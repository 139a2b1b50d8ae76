/**
 * One-time links that set an account's password: an admin makes one (CLI,
 * desk or API) and hands it over; the first person to open it chooses the
 * password, which ends the account's other sessions. A link works once,
 * until it expires, and only while it is the account's latest: making a new
 * one voids the old. The store keeps only the hash of the link's secret.
 */
import type { Config } from '../config/env.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { assertPasswordRules, hashPassword } from './passwords.ts';
import type { StoredUser, UserStore } from './store.ts';
import { hashToken, newSecret, plausibleToken } from './tokens.ts';

/** The path of the page that opens a link; its secret goes in the query (request logs keep paths only). */
export const RESET_PATH = '/login/reset';

export interface ResetLink {
  name: string;
  /** The full link to hand over; it carries the secret. */
  url: string;
  expiresAt: string;
}

export class ResetLinks {
  constructor(
    private readonly users: UserStore,
    private readonly baseUrl: string,
    private readonly ttlSeconds: number,
  ) {}

  /** A new link for the account (any earlier link stops working). */
  async create(name: string): Promise<ResetLink> {
    const user = await this.users.get(name);
    if (!user)
      throw new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');
    const secret = newSecret();
    const expiresAtMs = Date.now() + this.ttlSeconds * 1000;
    await this.users.records.saveResetLink(name, hashToken(secret), expiresAtMs);
    const url = `${this.baseUrl}${RESET_PATH}?token=${encodeURIComponent(secret)}`;
    return { name, url, expiresAt: new Date(expiresAtMs).toISOString() };
  }

  /** The account a link is for while it can still be used; null for a used, expired, replaced or unknown link. */
  async peek(secret: string): Promise<string | null> {
    if (!plausibleToken(secret)) return null;
    const link = await this.users.records.resetLink(hashToken(secret));
    if (!link || link.expiresAtMs <= Date.now()) return null;
    return link.latest ? link.name : null;
  }

  /**
   * Set the password through the link, once. Throws InputError for a password
   * that breaks the rules (the link stays usable); null when the link is spent.
   */
  async use(secret: string, password: string): Promise<StoredUser | null> {
    const name = await this.peek(secret);
    if (!name) return null;
    assertPasswordRules(password, name);
    const done = await this.users.records.useResetLink(hashToken(secret), {
      name,
      passwordHash: await hashPassword(password),
      stamp: newSecret(),
      nowMs: Date.now(),
    });
    return done ? this.users.get(name) : null;
  }
}

/** The deployment's reset links: PUBLIC_BASE_URL for the address, RESET_LINK_TTL_S for how long they work. */
export function resetLinks(users: UserStore, config: Config): ResetLinks {
  return new ResetLinks(users, config.http.publicBaseUrl, config.http.resetLinkTtlSeconds);
}
