/**
 * The admins' webhooks page (/desk/admin/webhooks): register a URL (its secret
 * shown once, on the page that answers the form), see each hook's deliveries,
 * resend one delivery (with its paper's later ones) or everything since a
 * time, rotate a secret, remove a hook. The same use cases as `laysum webhooks`.
 */
import { type Context, Hono } from 'hono';
import { InputError } from '../../../errors/input-error.ts';
import { lineDeps } from '../../../webhooks/line.ts';
import { addWebhook, listWebhooks, removeWebhook, rotateSecret } from '../../../webhooks/manage.ts';
import { parseSince, resendDelivery, resendLine, resendSince } from '../../../webhooks/resend.ts';
import { assertCan } from '../../auth.ts';
import { statusOf } from '../../errors.ts';
import { limitBody } from '../../middleware.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import type { Banner } from '../views/layout.tsx';
import { type NewSecret, WebhooksBody } from '../views/webhooks.tsx';
import { bannerFor, fixable, guardedForm } from './form-guard.ts';
import { page } from './render.tsx';

const FORM_LIMIT = 64 * 1024;

/** What a completed action says (a fixed list: nothing from the URL is echoed). */
const DONE: Record<string, string> = {
  'webhook-removed': 'Webhook removed with its delivery history.',
};

type Extra = {
  banner?: Banner | null;
  values?: { url?: string; events?: string[] };
  status?: 200 | 400 | 404;
  created?: NewSecret;
};

const text = (body: Record<string, unknown>, key: string) =>
  typeof body[key] === 'string' ? (body[key] as string) : '';

export function AdminWebhooks(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const render = async (c: Context<AppEnv>, extra: Extra = {}) => {
    const done = DONE[c.req.query('done') ?? ''];
    return page(
      c,
      'Webhooks',
      <WebhooksBody
        csrf={c.get('session')?.csrf ?? ''}
        hooks={await listWebhooks(deps.webhooks)}
        created={extra.created ?? null}
        values={extra.values}
      />,
      { status: extra.status ?? 200, banner: extra.banner ?? (done ? { kind: 'info', text: done } : null) },
    );
  };
  /** Run a form's action; a fixable error goes back onto the page. */
  const attempt = async (c: Context<AppEnv>, action: () => Promise<Response>, values?: Extra['values']) => {
    try {
      return await action();
    } catch (err) {
      if (!fixable(err)) throw err;
      return render(c, { banner: bannerFor(err), values, status: statusOf(err) === 404 ? 404 : 400 });
    }
  };
  const lines = lineDeps(deps.webhooks, deps.queues, deps.config);

  app.get('/admin/webhooks', (c) => {
    assertCan(c.get('user'), 'admin', true);
    return render(c);
  });
  app.post('/admin/webhooks', limitBody(FORM_LIMIT), async (c) => {
    const { user, body } = await guardedForm(c, 'admin', { all: true });
    const raw = body.events;
    const events = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter(
      (e): e is string => typeof e === 'string',
    );
    const values = { url: text(body, 'url'), events };
    return attempt(
      c,
      async () => {
        if (events.length === 0)
          throw new InputError('Choose at least one event.', {
            hint: 'Tick the events this URL should hear about.',
          });
        const input = { url: values.url, events, by: `web:${user.name}` };
        const { hook, secret } = await addWebhook(deps.webhooks, input, deps.config.fetch.allowPrivate);
        // The secret is in this one response only: never in a URL, a redirect or a log line.
        return render(c, { created: { id: hook.id, url: hook.url, secret } });
      },
      values,
    );
  });
  app.post('/admin/webhooks/:id/resend', limitBody(FORM_LIMIT), async (c) => {
    const { user, body } = await guardedForm(c, 'admin');
    const hookId = c.req.param('id');
    return attempt(c, async () => {
      const delivery = text(body, 'delivery');
      const by = `web:${user.name}`;
      const report = delivery
        ? await resendDelivery(lines, hookId, delivery, by)
        : await resendSince(lines, [hookId], parseSince(text(body, 'since')), by);
      return render(c, { banner: { kind: 'info', text: resendLine(report) } });
    });
  });
  app.post('/admin/webhooks/:id/rotate', limitBody(FORM_LIMIT), async (c) => {
    await guardedForm(c, 'admin');
    const id = c.req.param('id');
    return attempt(c, async () => {
      const hook = await deps.webhooks.get(id);
      const { secret, oldUntil } = await rotateSecret(deps.webhooks, id, deps.config.webhooks.secretGraceMs);
      return render(c, { created: { id, url: hook?.url ?? '', secret, oldUntil } });
    });
  });
  app.post('/admin/webhooks/:id/remove', limitBody(FORM_LIMIT), async (c) => {
    await guardedForm(c, 'admin');
    return attempt(c, async () => {
      await removeWebhook(deps.webhooks, c.req.param('id'));
      return c.redirect('/desk/admin/webhooks?done=webhook-removed', 303);
    });
  });
  return app;
}
