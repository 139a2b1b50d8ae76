/** `laysum webhooks add|list|remove`: URLs told about drafted, approved, published, unpublished and failed papers. */
import {
  addWebhook as add,
  deliveryLine,
  listWebhooks as list,
  removeWebhook as remove,
} from '../../webhooks/manage.ts';
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
