/**
 * Accounts and their rules. An account has a role and any of three ways to sign in:
 * an API token (for scripts; only its hash is kept), a password (set through
 * a one-time link, ./reset-links.ts; only its scrypt hash is kept) and a link
 * to the team's identity provider (./oidc-accounts.ts). A removed user's
 * credentials and sessions stop working at once. The records are kept
 * behind the users port (../domain/ports/users.ts; Redis: src/store/users.ts).
 */
import type { UserRecords } from '../domain/ports/users.ts';
import { Email, type StoredUser, type User, UserName } from '../domain/user.ts';
import { InputError } from '../errors/input-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { verifyPassword } from './passwords.ts';
import { Role } from './roles.ts';
import { hashToken, newSecret, newToken, plausibleToken, sameSecret, tokenAccount } from './tokens.ts';

export { type StoredUser, type User, UserName };

const notFound = (name: string) =>
  new NotFoundError('user', name, 'Check the name; `laysum users list` shows the accounts.');

export class UserStore {
  /** The records behind the accounts (src/store/users.ts), for the account rules beside this file. */
  constructor(readonly records: UserRecords) {}

  /** Create an account with a token; returns the token, which is never stored or shown again. */
  async add(
    name: string,
    role: string,
    options: { email?: string } = {},
  ): Promise<{ user: User; token: string }> {
    const validName = parseName(name);
    const token = newToken(validName);
    const user = await this.create(validName, role, { email: options.email, tokenHash: hashToken(token) });
    return { user, token };
  }

  /** Create an account; without a token hash it signs in only by password or single sign-on. */
  async create(
    name: string,
    role: string,
    o: { email?: string | undefined; tokenHash?: string },
  ): Promise<User> {
    const validName = parseName(name);
    const validRole = parseRole(role);
    const email = o.email === undefined || o.email.trim() === '' ? null : parseEmail(o.email);
    const createdAt = new Date().toISOString();
    const added = await this.records.create({
      name: validName,
      role: validRole,
      email,
      tokenHash: o.tokenHash ?? null,
      createdAt,
      stamp: newSecret(),
    });
    if (added === 'name-taken')
      throw new InputError(`A user named "${validName}" already exists.`, {
        hint: `Pick another name, or \`laysum users remove ${validName}\` first.`,
      });
    if (added === 'email-taken')
      throw new InputError(`Another account already has the email ${email}.`, {
        hint: 'Each email signs in to one account: `laysum users list` shows whose it is.',
      });
    const token = o.tokenHash ? 'named' : null;
    return { name: validName, role: validRole, createdAt, email, password: false, token, sso: false };
  }

  async get(name: string): Promise<StoredUser | null> {
    if (!UserName.safeParse(name).success) return null;
    return this.records.get(name);
  }

  /** The account a sign-in name refers to: a user name, or an account's email. */
  async nameFor(login: string): Promise<string | null> {
    const trimmed = login.trim();
    if (trimmed.includes('@')) return this.records.nameForEmail(trimmed.toLowerCase());
    return UserName.safeParse(trimmed).success ? trimmed : null;
  }

  async list(): Promise<User[]> {
    const names = (await this.records.names()).sort();
    const users = await Promise.all(names.map((n) => this.get(n)));
    return users.filter((u): u is StoredUser => u !== null).map(publicUser);
  }

  async remove(name: string): Promise<void> {
    const removed = UserName.safeParse(name).success && (await this.records.remove(name));
    if (!removed) throw notFound(name);
  }

  /** Change a user's role; their credentials and sessions stay valid and take the new role at once. */
  async setRole(name: string, role: string): Promise<User> {
    const validRole = parseRole(role);
    const user = await this.get(name);
    if (!user) throw notFound(name);
    await this.records.setRole(name, validRole);
    return publicUser({ ...user, role: validRole });
  }

  /** Set or clear (null) the email an account signs in with and is matched to single sign-on by. */
  async setEmail(name: string, email: string | null): Promise<User> {
    const address = email === null || email.trim() === '' ? null : parseEmail(email);
    const user = await this.get(name);
    if (!user) throw notFound(name);
    const done = await this.records.setEmail(name, address, user.email);
    if (done === 'taken')
      throw new InputError(`Another account already has the email ${address}.`, {
        hint: 'Each email signs in to one account: `laysum users list` shows whose it is.',
      });
    if (done !== 'changed') throw notFound(name);
    return publicUser({ ...user, email: address });
  }

  /** A new token for the account (the old one stops working, and so do its web sessions). */
  async reissueToken(name: string): Promise<string> {
    const user = await this.get(name);
    if (!user) throw notFound(name);
    const token = newToken(name);
    await this.records.setToken(name, hashToken(token), newSecret());
    return token;
  }

  /** The user a token belongs to, or null for an unknown, malformed or revoked token. */
  async authenticate(token: string): Promise<StoredUser | null> {
    if (!plausibleToken(token)) return null;
    const tokenHash = hashToken(token);
    // A named token is checked against its account; an older one is found through its index.
    const name = tokenAccount(token) ?? (await this.records.nameForOlderToken(tokenHash));
    const user = name ? await this.get(name) : null;
    return user?.tokenHash && sameSecret(user.tokenHash, tokenHash) ? user : null;
  }

  /** The account if `password` is its password; null otherwise (with the same work done for an unknown name). */
  async checkPassword(name: string, password: string): Promise<StoredUser | null> {
    const found = UserName.safeParse(name).success
      ? await this.records.withPasswordHash(name)
      : { user: null, passwordHash: null };
    const matches = await verifyPassword(password, found.passwordHash ?? undefined);
    return matches ? found.user : null;
  }
}

/** How an account can sign in, in words: "password", "token" (or "token of the older form"), "single sign-on". */
export function signInWays(u: User): string[] {
  const token = u.token === 'named' ? 'token' : u.token === 'unnamed' ? 'token of the older form' : null;
  return [u.password ? 'password' : null, token, u.sso ? 'single sign-on' : null].filter(
    (w): w is string => w !== null,
  );
}

export function publicUser(user: User): User {
  const { name, role, createdAt, email, password, token, sso } = user;
  return { name, role, createdAt, email, password, token, sso };
}

function parseRole(role: string): Role {
  const valid = Role.safeParse(role);
  if (!valid.success)
    throw new InputError(`Unknown role "${role}".`, { hint: `Use one of: ${Role.options.join(', ')}.` });
  return valid.data;
}

function parseEmail(email: string): string {
  const parsed = Email.safeParse(email.trim());
  if (!parsed.success)
    throw new InputError(`"${email}" is not an email address.`, { hint: 'Give it as name@example.org.' });
  return parsed.data.toLowerCase();
}

function parseName(name: string): string {
  const parsed = UserName.safeParse(name.trim());
  if (!parsed.success) {
    throw new InputError(`"${name}" is not a valid user name.`, {
      hint: parsed.error.issues[0]?.message ?? 'Use letters and digits.',
    });
  }
  return parsed.data;
}
