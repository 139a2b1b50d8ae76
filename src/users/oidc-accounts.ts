/**
 * Which LaySum account a person signed in by the team's identity provider is.
 * An identity (issuer and subject) is linked to one account: the first time,
 * to the account an admin made with the same email (when the provider says
 * the email is verified). The role comes from a configured claim (the
 * provider owns roles, and a first sign-in creates the account) or, without
 * one, from the admin (only accounts an admin made can sign in).
 */
import { InputError } from '../errors/input-error.ts';
import { Role } from './roles.ts';
import { type StoredUser, UserName, type UserStore } from './store.ts';
import { hashToken } from './tokens.ts';

/** What the provider vouched for, from the ID token and the userinfo answer. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  /** `preferred_username`, a suggestion for a new account's name. */
  username: string | null;
  /** The role claim's values; null when no role claim is configured. */
  roleValues: string[] | null;
}

export interface RolePolicy {
  claim: string | null;
  /** Claim value -> role; empty: the values are role names. */
  map: Record<string, Role>;
}

const RANK: Record<Role, number> = { editor: 1, reviewer: 2, admin: 3 };

/** The highest role the claim's values give, or null for none. */
export function roleFromClaim(values: string[], map: Record<string, Role>): Role | null {
  const roles = values
    .map((v) => (Object.keys(map).length > 0 ? map[v] : Role.safeParse(v).data))
    .filter((r): r is Role => r !== undefined);
  return roles.sort((a, b) => RANK[b] - RANK[a])[0] ?? null;
}

export class OidcAccounts {
  constructor(private readonly users: UserStore) {}

  /** The account to sign in, linked (and created or given its role) as the policy says; InputError says why not. */
  async signIn(id: OidcIdentity, policy: RolePolicy): Promise<{ user: StoredUser; event: string | null }> {
    const link = hashToken(`${id.issuer}\n${id.subject}`);
    let event: string | null = null;
    let user = await this.linked(link);
    if (!user && id.email && id.emailVerified) {
      const byEmail = await this.users.get((await this.users.nameFor(id.email)) ?? '');
      if (byEmail) {
        await this.link(byEmail.name, link);
        user = byEmail;
        event = `linked ${byEmail.name} to ${id.issuer} by the verified email ${id.email}`;
      }
    }
    const role = policy.claim ? roleFromClaim(id.roleValues ?? [], policy.map) : null;
    if (policy.claim && !role) throw noRole(id, policy);
    if (!user) {
      if (!role) throw noAccount(id);
      const name = await this.freeName(id);
      await this.users.create(name, role, { email: id.emailVerified ? (id.email ?? undefined) : undefined });
      await this.link(name, link);
      event = `created ${name} (${role}) for ${id.issuer} subject ${id.subject}`;
      user = await this.users.get(name);
    } else if (role && role !== user.role) {
      await this.users.setRole(user.name, role);
      event = `${user.name} is ${role} now, as the ${policy.claim} claim says`;
      user = await this.users.get(user.name);
    }
    if (!user) throw noAccount(id);
    return { user, event };
  }

  /** The account linked to this identity (a removed and re-created account starts unlinked). */
  private async linked(link: string): Promise<StoredUser | null> {
    const name = await this.users.records.linkedName(link);
    return name ? this.users.get(name) : null;
  }

  private link(name: string, link: string): Promise<void> {
    return this.users.records.setLink(name, link);
  }

  /** A user name from the identity (preferred_username, else the email's local part), free in LaySum. */
  private async freeName(id: OidcIdentity): Promise<string> {
    const wanted = (id.username ?? id.email?.split('@')[0] ?? 'user')
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '')
      .slice(0, 56);
    const base = UserName.safeParse(wanted).success ? wanted : 'user';
    for (let n = 1; n < 100; n++) {
      const name = n === 1 ? base : `${base}-${n}`;
      if (!(await this.users.get(name))) return name;
    }
    throw new InputError(`No free user name like "${base}" is left.`, {
      hint: 'Ask an admin to make your account with your email (`laysum users add NAME --role ROLE --email EMAIL`).',
    });
  }
}

function noRole(id: OidcIdentity, policy: RolePolicy): InputError {
  const wanted = Object.keys(policy.map).length ? Object.keys(policy.map) : Role.options;
  return new InputError(`Your identity provider gives ${id.email ?? id.subject} no LaySum role.`, {
    hint: `LaySum reads the "${policy.claim}" claim and needs one of: ${wanted.join(', ')}. Ask the team's admin to add you.`,
  });
}

function noAccount(id: OidcIdentity): InputError {
  const who = id.email ?? id.subject;
  const unverified =
    id.email && !id.emailVerified ? ' (the provider does not say that email is verified)' : '';
  return new InputError(`No LaySum account is linked to ${who}${unverified}.`, {
    hint: `Ask an admin to make one with your email: \`laysum users add NAME --role ROLE --email ${id.email ?? 'EMAIL'}\`.`,
  });
}
