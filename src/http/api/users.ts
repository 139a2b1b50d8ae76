/**
 * `/api/users` (admins): list accounts, add one (its token in that answer
 * only, never listed or logged), change a role or email, issue a new token,
 * make a one-time link to set the password (in that answer only), revoke.
 * The same calls as `laysum users` and the desk's users page.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../errors/not-found-error.ts';
import { changeRole, removeAccount } from '../../users/manage.ts';
import { resetLinks } from '../../users/reset-links.ts';
import { publicUser } from '../../users/store.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { HttpError } from '../errors.ts';
import { limitBody } from '../middleware.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiRouter, invalid, jsonBody } from './route-kit.ts';
import { addUser, changeUser, listUsers, reissueToken, removeUser, resetLink } from './users-routes.ts';

const small = [limitBody(16 * 1024), jsonBody()];

export function usersApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  app.use('*', requirePermission('admin'));
  app.openapi(listUsers, async (c) => c.json({ users: await deps.users.list() }, 200));
  app.openapi(
    { ...addUser, middleware: small },
    async (c) => {
      const body = c.req.valid('json');
      if (await deps.users.get(body.name))
        throw new HttpError(
          409,
          `A user named "${body.name}" already exists.`,
          `Pick another name, or DELETE /api/users/${body.name} first to issue a new token.`,
        );
      const { user, token } = await deps.users.add(body.name, body.role, { email: body.email });
      deps.log.info(
        { created: user.name, role: user.role },
        `user added through the API: ${user.name} (${user.role})`,
      );
      return c.json({ ...user, token }, 201);
    },
    invalid('user'),
  );
  app.openapi(
    { ...changeUser, middleware: small },
    async (c) => {
      const body = c.req.valid('json');
      const { name } = c.req.valid('param');
      if (body.email !== undefined) await deps.users.setEmail(name, body.email);
      if (body.role !== undefined) await changeRole(deps.users, currentUser(c).name, name, body.role);
      const user = await deps.users.get(name);
      if (!user) throw new NotFoundError('user', name, 'GET /api/users lists the accounts.');
      return c.json(publicUser(user), 200);
    },
    invalid('account change'),
  );
  app.openapi(reissueToken, async (c) => {
    const { name } = c.req.valid('param');
    const token = await deps.users.reissueToken(name);
    deps.log.info({ user: name, by: currentUser(c).name }, `token reissued through the API for ${name}`);
    return c.json({ name, token }, 201);
  });
  app.openapi(resetLink, async (c) => {
    const link = await resetLinks(deps.users, deps.config).create(c.req.valid('param').name);
    deps.log.info(
      { user: link.name, by: currentUser(c).name },
      `reset link made through the API for ${link.name}`,
    );
    return c.json(link, 201);
  });
  app.openapi(removeUser, async (c) => {
    const { name } = c.req.valid('param');
    await removeAccount(deps.users, currentUser(c).name, name);
    return c.json({ name, removed: true }, 200);
  });
  return app;
}
