/** Serves the desk's script and stylesheet bundles (../assets/bundles.ts) at their content-hashed addresses. */
import { Hono } from 'hono';
import type { AppEnv } from '../../types.ts';
import { bundleAt } from '../assets/bundles.ts';

/** GET /assets/<name>.<hash>.<ext>: the bundle, cacheable for good; any other name (an old hash) is a 404. */
export function assetRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/:file', (c) => {
    const bundle = bundleAt(c.req.path);
    // Answered here: the app's not-found handler would see this GET route and say 405.
    if (!bundle) return c.text(`No asset at ${c.req.path}: it is from another build; reload the page.`, 404);
    c.header('Cache-Control', 'public, max-age=31536000, immutable');
    c.header('ETag', bundle.etag);
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === bundle.etag) return c.body(null, 304);
    c.header('Content-Type', bundle.type);
    return c.body(bundle.body);
  });
  return app;
}
