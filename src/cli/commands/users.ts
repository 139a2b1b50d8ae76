/** `laysum users add|list|role|email|token|reset|remove`: accounts for the API and the review desk. */
import { resetLinks } from '../../users/reset-links.ts';
import { signInWays } from '../../users/store.ts';
import { note, print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

export function addUser(name: string, o: { role: string; email?: string; json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const { user, token } = await ctx.users.add(name, o.role, { email: o.email });
    if (o.json) return printJson({ ...user, token });
    print(token);
    note(`Created ${user.role} "${user.name}". The token above is shown only once: store it now.`);
    note('Use it as `Authorization: Bearer TOKEN` for the API, or to sign in to the review desk at /login.');
    note(`For a password, \`laysum users reset ${user.name}\` prints a one-time link to set one.`);
  });
}

export function listUsers(o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const list = await ctx.users.list();
    if (o.json) return printJson(list);
    if (list.length === 0) return print('No accounts yet: `laysum users add NAME --role admin` creates one.');
    for (const u of list)
      print(
        `${u.name.padEnd(24)} ${u.role.padEnd(9)} ${(signInWays(u).join(', ') || '-').padEnd(34)} ${(u.email ?? '-').padEnd(30)} created ${u.createdAt}`,
      );
    const older = list.filter((u) => u.token === 'unnamed').map((u) => u.name);
    if (older.length)
      note(
        `Tokens of the older form (they name no account, so failed guesses at them cannot be counted per account): ${older.join(', ')}. They still work; \`laysum users token NAME\` replaces one.`,
      );
  });
}

export function removeUser(name: string): Promise<void> {
  return withContext(async (ctx) => {
    await ctx.users.remove(name);
    print(`Removed ${name}.`);
  });
}

export function setRole(name: string, role: string): Promise<void> {
  return withContext(async (ctx) => {
    const user = await ctx.users.setRole(name, role);
    print(`${user.name} is now ${user.role}.`);
  });
}

export function setEmail(name: string, email: string | undefined, o: { clear?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    if (!email && !o.clear) {
      note('Give the email, or --clear to remove it.');
      process.exitCode = 2;
      return;
    }
    const user = await ctx.users.setEmail(name, o.clear ? null : (email ?? null));
    print(user.email ? `${user.name} signs in as ${user.email} too.` : `${user.name} has no email now.`);
  });
}

export function reissueToken(name: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const token = await ctx.users.reissueToken(name);
    if (o.json) return printJson({ name, token });
    print(token);
    note(
      `New token for "${name}", shown only once: store it now. The old token and its desk sessions no longer work.`,
    );
  });
}

export function resetPassword(name: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const link = await resetLinks(ctx.users, ctx.config).create(name);
    if (o.json) return printJson(link);
    print(link.url);
    note(
      `One-time link for "${name}" to set a password, until ${link.expiresAt}. Hand it over privately; a newer link replaces it.`,
    );
  });
}
