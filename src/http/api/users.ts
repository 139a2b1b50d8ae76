/**
 * `/api/users` (admins): list accounts, add one (its token in that answer
 * only, never listed or logged), change a role, revoke. The same calls as
 * `laysum users` and the desk's users page.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { changeRole, removeAccount } from '../../users/manage.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { parseWith, readJson } from './body.ts';

const AddBody = z.object({ name: z.string(), role: z.string() }).strict();
const RoleBody = z.object({ role: z.string() }).strict();

export function usersApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('*', requirePermission('admin'));
  app.get('/', async (c) => c.json({ users: await deps.users.list() }));
  app.post('/', limitBody(16 * 1024), async (c) => {
    const body = parseWith(AddBody, await readJson(c), 'user');
    if (await deps.users.get(body.name))
      throw new HttpError(
        409,
        `A user named "${body.name}" already exists.`,
        `Pick another name, or DELETE /api/users/${body.name} first to issue a new token.`,
      );
    const { user, token } = await deps.users.add(body.name, body.role);
    deps.log.info(
      { created: user.name, role: user.role },
      `user added through the API: ${user.name} (${user.role})`,
    );
    return c.json({ ...user, token }, 201);
  });
  app.patch('/:name', limitBody(16 * 1024), async (c) => {
    const body = parseWith(RoleBody, await readJson(c), 'role change');
    return c.json(await changeRole(deps.users, currentUser(c).name, c.req.param('name'), body.role));
  });
  app.delete('/:name', async (c) => {
    const name = c.req.param('name');
    await removeAccount(deps.users, currentUser(c).name, name);
    return c.json({ name, removed: true });
  });
  return app;
}
