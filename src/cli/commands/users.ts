/** `laysum users add|list|remove`: accounts for the API and the review desk. */
import type { Command } from 'commander';
import { Role } from '../../users/roles.ts';
import { note, print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

export function registerUsers(program: Command): void {
  const users = program
    .command('users')
    .description('Manage accounts (editor, reviewer, admin) and their tokens');
  users
    .command('add <name>')
    .description('Create an account and print its token (shown once: only its hash is stored)')
    .requiredOption('--role <role>', `one of ${Role.options.join(', ')}`)
    .option('--json', 'print JSON')
    .action((name: string, o: { role: string; json?: boolean }) =>
      withContext(async (ctx) => {
        const { user, token } = await ctx.users.add(name, o.role);
        if (o.json) return printJson({ ...user, token });
        print(token);
        note(`Created ${user.role} "${user.name}". The token above is shown only once: store it now.`);
        note(
          'Use it as `Authorization: Bearer TOKEN` for the API, or to sign in to the review desk at /login.',
        );
      }),
    );
  users
    .command('list')
    .description('List accounts (names and roles; tokens are never shown)')
    .option('--json', 'print JSON')
    .action((o: { json?: boolean }) =>
      withContext(async (ctx) => {
        const list = await ctx.users.list();
        if (o.json) return printJson(list);
        if (list.length === 0)
          return print('No accounts yet: `laysum users add NAME --role admin` creates one.');
        for (const u of list) print(`${u.name.padEnd(24)} ${u.role.padEnd(9)} created ${u.createdAt}`);
      }),
    );
  users
    .command('remove <name>')
    .description('Delete an account: its token and its desk sessions stop working at once')
    .action((name: string) =>
      withContext(async (ctx) => {
        await ctx.users.remove(name);
        print(`Removed ${name}.`);
      }),
    );
}
