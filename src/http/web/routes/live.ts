/**
 * Live desk pages: server-sent event streams an open page listens to, so a
 * paper moving on (queued -> in review), another reviewer's save or claim,
 * reach it without a reload. Behind the desk's sign-in like every desk page.
 *
 * - GET /desk/papers/:id/live: `paper` events {state, version, claimBy}, the
 *   first at once, then on every change.
 * - GET /desk/live?ids=a,b,c: `queue` events {papers, latest} for the rows a
 *   queue page shows, and the newest audit entry (a new paper, any decision).
 *
 * Each stream reads a pulse (src/store/live-pulse.ts: one round trip, no
 * document parsed) every LIVE_POLL_MS and sends only changes; it ends after
 * LIVE_MAX_MS and the browser's EventSource reconnects by itself, so a stream
 * never outlives a revoked session for long. What a page does with an event,
 * and how it keeps decision buttons naming only the version it shows, is in
 * ./assets/live.js.
 */
import type { Context, Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { PaperState } from '../../../domain/state.ts';
import { resolvePaperId } from '../../../review/queries.ts';
import type { LivePulse } from '../../../store/live-pulse.ts';
import { assertCan } from '../../auth.ts';
import type { AppDeps, AppEnv } from '../../types.ts';
import { stateLabel } from '../views/format.ts';

export const LIVE_POLL_MS = 1000;
const LIVE_MAX_MS = 10 * 60_000;
/** A comment line now and then keeps proxies from closing an idle stream. */
const KEEPALIVE_MS = 20_000;
/** A queue page shows at most this many rows (a page of 50 and some slack). */
const MAX_IDS = 100;

function stream(c: Context<AppEnv>, event: string, read: () => Promise<unknown>) {
  return streamSSE(c, async (sse) => {
    const until = Date.now() + LIVE_MAX_MS;
    let last = '';
    let quietSince = Date.now();
    while (!sse.aborted && !sse.closed && Date.now() < until) {
      // Redis away for a moment: skip this turn, the page keeps what it shows.
      const data = await read().then(
        (d) => JSON.stringify(d),
        () => null,
      );
      if (data !== null && data !== last) {
        await sse.writeSSE({ event, data });
        last = data;
        quietSince = Date.now();
      } else if (Date.now() - quietSince > KEEPALIVE_MS) {
        await sse.write(': keep-alive\n\n');
        quietSince = Date.now();
      }
      await sse.sleep(LIVE_POLL_MS);
    }
  });
}

const pulse = (deps: AppDeps, ids: string[]): Promise<LivePulse> => deps.livePulse(ids);

export function liveRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/papers/:id/live', async (c) => {
    assertCan(c.get('user'), 'read', true);
    const id = await resolvePaperId(deps.store, c.req.param('id'));
    return stream(c, 'paper', async () => {
      const p = (await pulse(deps, [id])).papers[id];
      const state = PaperState.safeParse(p?.state);
      return p && state.success ? { ...p, label: stateLabel(state.data) } : null;
    });
  });
  app.get('/live', (c) => {
    assertCan(c.get('user'), 'read', true);
    const ids = (c.req.query('ids') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, MAX_IDS);
    return stream(c, 'queue', () => pulse(deps, ids));
  });
}
