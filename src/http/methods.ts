/**
 * Which methods a path answers, for a 405 with `Allow` when a request used
 * another: read from the app's own route table, so it never drifts from it.
 */
import type { Hono } from 'hono';
import type { AppEnv } from './types.ts';

const cache = new WeakMap<object, Array<{ method: string; pattern: RegExp }>>();

/** `/api/drafts/:id/approve` -> a regular expression for the paths it matches. */
function patternOf(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => {
      if (part === '*') return '.*';
      if (part.startsWith(':')) return '[^/]+';
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}/?$`);
}

export function allowedMethods(app: Hono<AppEnv>, path: string): string[] {
  let routes = cache.get(app);
  if (!routes) {
    routes = app.routes
      // Middleware (`use`) is registered as method ALL; it answers nothing by itself.
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({ method: r.method, pattern: patternOf(r.path) }));
    cache.set(app, routes);
  }
  const methods = new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method));
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
