/**
 * The admins' desk pages: watches (/desk/admin/watches), users
 * (/desk/admin/users) and webhooks (/desk/admin/webhooks), calling the same
 * use cases as `laysum watch`, `laysum users` and `laysum webhooks`. Every post passes the desk's checks (signed in, CSRF,
 * admin role); a refused change re-renders the page with what was typed.
 */
import { type Context, Hono } from 'hono';
import { watchScheduler } from '../../../queue/schedules.ts';
import { changeRole, removeAccount } from '../../../users/manage.ts';
import { type ResetLink, resetLinks } from '../../../users/reset-links.ts';
import * as watches from '../../../watch/manage.ts';
import { assertCan } from '../../auth.ts';
import { statusOf } from '../../errors.ts';
import { limitBody } from '../../middleware.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { AdminIndexBody } from '../views/admin-nav.tsx';
import { UsersBody } from '../views/admin-users.tsx';
import { WatchesBody } from '../views/admin-watches.tsx';
import type { Banner } from '../views/layout.tsx';
import { AdminWebhooks } from './admin-webhooks.tsx';
import { bannerFor, fixable, guardedForm } from './form-guard.ts';
import { page } from './render.tsx';

const FORM_LIMIT = 64 * 1024;

/** What a completed admin action says (a fixed list: nothing from the URL is echoed). */
const DONE: Record<string, string> = {
  added: 'Watch added and scheduled.',
  run: 'Poll queued: a worker runs it now; reload to see its result under "Last poll".',
  pause: 'Paused: no more scheduled polls until you resume it.',
  resume: 'Resumed: polled on its schedule again.',
  remove: 'Watch removed with its schedule.',
  role: 'Role changed: it applies to the user’s next request.',
  revoke: 'Revoked: the token, the password and the web sessions no longer work.',
};

const text = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string) : '';
const csrfOf = (c: Context<AppEnv>) => c.get('session')?.csrf ?? '';
const doneBanner = (c: Context<AppEnv>): Banner | null => {
  const message = DONE[c.req.query('done') ?? ''];
  return message ? { kind: 'info', text: message } : null;
};

export function adminPages(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin', (c) => {
    assertCan(c.get('user'), 'admin', true);
    return page(c, 'Admin', <AdminIndexBody />);
  });
  watchRoutes(app, deps);
  userRoutes(app, deps);
  app.route('/', AdminWebhooks(deps));
  return app;
}

function watchRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const wd: watches.WatchDeps = {
    watches: deps.watches,
    scheduler: watchScheduler(deps.queues, deps.config),
    allowPrivate: deps.config.fetch.allowPrivate,
  };
  const render = async (
    c: Context<AppEnv>,
    extra: { banner?: Banner | null; values?: Record<string, string>; status?: 200 | 400 | 404 | 409 } = {},
  ) =>
    page(
      c,
      'Watches',
      <WatchesBody csrf={csrfOf(c)} watches={await watches.listWatches(wd)} values={extra.values} />,
      {
        status: extra.status ?? 200,
        banner: extra.banner ?? doneBanner(c),
      },
    );
  app.get('/admin/watches', (c) => {
    assertCan(c.get('user'), 'admin', true);
    return render(c);
  });
  app.post('/admin/watches', limitBody(FORM_LIMIT), async (c) => {
    const { user, body } = await guardedForm(c, 'admin');
    const values = { kind: text(body, 'kind'), target: text(body, 'target'), every: text(body, 'every') };
    try {
      await watches.addWatch(wd, { ...values, by: `web:${user.name}` });
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), values, status: 400 });
    }
    return c.redirect('/desk/admin/watches?done=added', 303);
  });
  const actions = {
    run: watches.requestPoll,
    pause: watches.pauseWatch,
    resume: watches.resumeWatch,
    remove: watches.removeWatch,
  };
  for (const [name, run] of Object.entries(actions)) {
    app.post(`/admin/watches/:id/${name}`, limitBody(FORM_LIMIT), async (c) => {
      await guardedForm(c, 'admin');
      try {
        await run(wd, c.req.param('id'));
      } catch (err) {
        if (!fixable(err)) throw err;
        return render(c, { banner: bannerFor(err), status: statusOf(err) === 404 ? 404 : 400 });
      }
      return c.redirect(`/desk/admin/watches?done=${name}`, 303);
    });
  }
}

function userRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  const render = async (
    c: Context<AppEnv>,
    extra: {
      banner?: Banner | null;
      values?: Record<string, string>;
      status?: 200 | 400 | 404;
      created?: { name: string; role: string; token: string };
      resetLink?: ResetLink;
    } = {},
  ) =>
    page(
      c,
      'Users',
      <UsersBody
        csrf={csrfOf(c)}
        users={await deps.users.list()}
        me={c.get('user')?.name ?? ''}
        created={extra.created ?? null}
        resetLink={extra.resetLink ?? null}
        values={extra.values}
      />,
      { status: extra.status ?? 200, banner: extra.banner ?? doneBanner(c) },
    );
  app.get('/admin/users', (c) => {
    assertCan(c.get('user'), 'admin', true);
    return render(c);
  });
  app.post('/admin/users', limitBody(FORM_LIMIT), async (c) => {
    const { body } = await guardedForm(c, 'admin');
    const values = { name: text(body, 'name'), role: text(body, 'role'), email: text(body, 'email') };
    try {
      const { user, token } = await deps.users.add(values.name, values.role, { email: values.email });
      deps.log.info(
        { created: user.name, role: user.role },
        `user added on the desk: ${user.name} (${user.role})`,
      );
      // The token is in this one response only: never in a URL, a redirect or a log line.
      return render(c, { created: { name: user.name, role: user.role, token } });
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), values, status: 400 });
    }
  });
  app.post('/admin/users/:name/role', limitBody(FORM_LIMIT), async (c) => {
    const { user, body } = await guardedForm(c, 'admin');
    const name = c.req.param('name');
    try {
      await changeRole(deps.users, user.name, name, text(body, 'role'));
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), status: statusOf(err) === 404 ? 404 : 400 });
    }
    return c.redirect('/desk/admin/users?done=role', 303);
  });
  app.post('/admin/users/:name/reset', limitBody(FORM_LIMIT), async (c) => {
    const { user } = await guardedForm(c, 'admin');
    try {
      const link = await resetLinks(deps.users, deps.config).create(c.req.param('name'));
      deps.log.info({ user: link.name, by: user.name }, `reset link made on the desk for ${link.name}`);
      // The link is in this one response only: never in a URL, a redirect or a log line.
      return render(c, { resetLink: link });
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), status: statusOf(err) === 404 ? 404 : 400 });
    }
  });
  app.post('/admin/users/:name/revoke', limitBody(FORM_LIMIT), async (c) => {
    const { user } = await guardedForm(c, 'admin');
    const name = c.req.param('name');
    try {
      await removeAccount(deps.users, user.name, name);
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), status: statusOf(err) === 404 ? 404 : 400 });
    }
    return c.redirect('/desk/admin/users?done=revoke', 303);
  });
}
