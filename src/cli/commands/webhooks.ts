/** `laysum webhooks add|list|resend|rotate|remove`: URLs told about drafted, approved, published, unpublished and failed papers. */
import { InputError } from '../../errors/input-error.ts';
import { lineDeps } from '../../webhooks/line.ts';
import {
  addWebhook as add,
  deliveryLine,
  listWebhooks as list,
  removeWebhook as remove,
  rotateSecret,
} from '../../webhooks/manage.ts';
import { parseSince, resendDelivery, resendLine, resendSince } from '../../webhooks/resend.ts';
import { note, print, printJson } from '../output.ts';
import { withContext } from '../session.ts';

export function addWebhook(url: string, o: { events?: string; as: string; json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const input = { url, events: o.events, by: o.as };
    const { hook, secret } = await add(ctx.webhooks, input, ctx.config.fetch.allowPrivate);
    if (o.json) return printJson({ ...hook, secret });
    print(secret);
    note(`Added ${hook.id}: ${hook.url} for ${hook.events.join(', ')}.`);
    note('The signing secret above is shown only once: store it in the receiver now (see docs/webhooks.md).');
  });
}

export function listWebhooks(o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const hooks = await list(ctx.webhooks, 5);
    if (o.json) return printJson(hooks);
    if (hooks.length === 0) return print('No webhooks yet: `laysum webhooks add URL --events published`.');
    for (const h of hooks) {
      print(`${h.id}  ${h.url}  (${h.events.join(', ')})`);
      for (const d of h.deliveries)
        print(
          `        ${d.updatedAt.slice(0, 16).replace('T', ' ')}  ${d.event.padEnd(11)} ${d.paperId}  ${deliveryLine(d)}`,
        );
    }
  });
}

export function removeWebhook(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    await remove(ctx.webhooks, id);
    if (o.json) printJson({ id, removed: true });
    else print(`Removed ${id}.`);
  });
}

export function resendWebhooks(
  delivery: string | undefined,
  o: { since?: string; hook?: string; as: string; json?: boolean },
): Promise<void> {
  return withContext(async (ctx) => {
    if (!delivery === !o.since)
      throw new InputError('Give either a delivery id or --since, not both and not neither.', {
        hint: '`laysum webhooks resend h1a2b3c4-1764649200000-0`, or `laysum webhooks resend --since 6h [--hook ID]`.',
      });
    const deps = lineDeps(ctx.webhooks, ctx.queues, ctx.config);
    const by = `cli:${o.as}`;
    let report: Awaited<ReturnType<typeof resendSince>>;
    if (delivery) {
      // Delivery ids start with their hook's id (`h1a2b3c4-…`).
      report = await resendDelivery(deps, delivery.split('-')[0] ?? '', delivery, by);
    } else {
      const hooks = o.hook ? [o.hook] : (await ctx.webhooks.list()).map((h) => h.id);
      if (o.hook && !(await ctx.webhooks.get(o.hook)))
        throw new InputError(`No webhook with id "${o.hook}".`, {
          hint: '`laysum webhooks list` shows them.',
        });
      report = await resendSince(deps, hooks, parseSince(o.since ?? ''), by);
    }
    if (o.json) return printJson(report);
    print(resendLine(report));
  });
}

export function rotateWebhook(id: string, o: { json?: boolean }): Promise<void> {
  return withContext(async (ctx) => {
    const { secret, oldUntil } = await rotateSecret(ctx.webhooks, id, ctx.config.webhooks.secretGraceMs);
    if (o.json) return printJson({ id, secret, oldSecretSignsUntil: oldUntil });
    print(secret);
    note(`New signing secret for ${id}, shown only once. The old secret also signs until ${oldUntil}.`);
  });
}
