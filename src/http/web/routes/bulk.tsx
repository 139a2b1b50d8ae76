/** The bulk decision post from the queue (the checkboxes and bar are ../views/bulk.tsx): run it, then show what happened to each paper. */
import type { Hono } from 'hono';
import { InputError } from '../../../errors/input-error.ts';
import { reviewDeps } from '../../../review/actions.ts';
import { type BulkItem, isBulkAction, runBulk } from '../../../review/bulk.ts';
import { MEGABYTE } from '../../../text/bytes.ts';
import { assertCan } from '../../auth.ts';
import { limitBody } from '../../middleware.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { DONE, ResultBody } from '../views/bulk.tsx';
import { bannerFor, fixable, guardedForm } from './form-guard.ts';
import { page } from './render.tsx';

function parsePicks(value: unknown): BulkItem[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.flatMap((v) => {
    const m = typeof v === 'string' ? /^([\w-]+)@(\d+)$/.exec(v) : null;
    return m?.[1] && m[2] ? [{ id: m[1], basedOn: Number(m[2]) }] : [];
  });
}

async function titlesOf(deps: AppDeps, ids: string[]): Promise<Map<string, string>> {
  const drafts = await Promise.all(ids.map((id) => deps.store.latestDraft(id)));
  return new Map(ids.flatMap((id, i) => (drafts[i] ? [[id, drafts[i].summary.headline] as const] : [])));
}

export function bulkRoute(app: Hono<AppEnv>, deps: AppDeps): void {
  app.post('/bulk', limitBody(MEGABYTE), async (c) => {
    const { user, body } = await guardedForm(c, 'review', { all: true });
    const action = body.action;
    const text = typeof body.text === 'string' ? body.text : undefined;
    try {
      if (!isBulkAction(action)) throw new InputError('Choose approve, reject, request changes or publish.');
      if (action === 'publish') assertCan(user, 'publish', true);
      const outcomes = await runBulk(reviewDeps(deps), action, parsePicks(body.pick), user.name, text);
      const done = outcomes.filter((o) => o.done).length;
      const refused = outcomes.length - done;
      const banner = {
        kind: refused ? ('error' as const) : ('info' as const),
        text: `${done} of ${outcomes.length} ${DONE[action]}${refused ? `; ${refused} refused (see below)` : ''}.`,
      };
      const titles = await titlesOf(
        deps,
        outcomes.map((o) => o.id),
      );
      return page(c, 'Bulk decision', <ResultBody action={action} outcomes={outcomes} titles={titles} />, {
        banner,
      });
    } catch (err) {
      if (!fixable(err)) throw err;
      return page(
        c,
        'Bulk decision',
        <p>
          <a href="/desk">← Back to the queue</a>
        </p>,
        {
          status: 400,
          banner: bannerFor(err),
        },
      );
    }
  });
}
