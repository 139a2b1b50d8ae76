/**
 * Accounts and web sessions: the words both the account rules (src/users)
 * and their Redis records (src/store/users.ts) speak, defined once.
 */
import { z } from 'zod';

/** What an account may do is its role's (src/users/roles.ts holds the permission matrix). */
export const Role = z.enum(['editor', 'reviewer', 'admin']);
export type Role = z.infer<typeof Role>;

export const UserName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9_.-]{0,63}$/i,
    'use 1-64 letters, digits, "_", "." or "-", starting with a letter or digit',
  );

export const Email = z.email().max(254);

export const User = z.object({
  name: z.string(),
  role: Role,
  createdAt: z.string(),
  email: z.string().nullable(),
  /** How the account can sign in: a password is set; its token names the account (or is of the older form); linked to single sign-on. */
  password: z.boolean(),
  token: z.enum(['named', 'unnamed']).nullable(),
  sso: z.boolean(),
});
export type User = z.infer<typeof User>;

/** A user with what ties a session to the account's current credentials. */
export const StoredUser = User.extend({
  tokenHash: z.string().nullable(),
  /** Changes when the account's sessions must end (token reissued, password set, account re-created). */
  stamp: z.string(),
});
export type StoredUser = z.infer<typeof StoredUser>;

/** A web session: whose it is, the account's stamp at sign-in, and its CSRF token. */
export const Session = z.object({ name: z.string(), stamp: z.string(), csrf: z.string() });
export type Session = z.infer<typeof Session>;
