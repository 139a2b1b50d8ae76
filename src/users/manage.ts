/**
 * Account changes an admin makes on the desk or through the API, with the
 * rule both share: an admin cannot demote or remove themselves, so the team
 * is never left without one (the CLI on the server may, being the way back in).
 */
import { InputError } from '../errors/input-error.ts';
import type { User, UserStore } from './store.ts';

export async function changeRole(users: UserStore, actor: string, name: string, role: string): Promise<User> {
  if (name === actor && role !== 'admin')
    throw new InputError('You cannot take the admin role from yourself.', {
      hint: 'Ask another admin, so the desk is never left without one.',
    });
  return users.setRole(name, role);
}

export async function removeAccount(users: UserStore, actor: string, name: string): Promise<void> {
  if (name === actor)
    throw new InputError('You cannot revoke your own account here.', {
      hint: 'Ask another admin, or use `laysum users remove` on the server.',
    });
  await users.remove(name);
}
