/** `laysum users add|list|role|remove`: accounts for the API and the review desk. */
import { note, print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

export function addUser(name: string, o: { role: string; json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const { user, token } = await ctx.users.add(name, o.role);
    if (o.json) return printJson({ ...user, token });
    print(token);
    note(`Created ${user.role} "${user.name}". The token above is shown only once: store it now.`);
    note('Use it as `Authorization: Bearer TOKEN` for the API, or to sign in to the review desk at /login.');
  });
}

export function listUsers(o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const list = await ctx.users.list();
    if (o.json) return printJson(list);
    if (list.length === 0) return print('No accounts yet: `laysum users add NAME --role admin` creates one.');
    for (const u of list) print(`${u.name.padEnd(24)} ${u.role.padEnd(9)} created ${u.createdAt}`);
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
