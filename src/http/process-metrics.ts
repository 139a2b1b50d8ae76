/**
 * The figures of this one process, as opposed to the fleet's (src/http/metrics.ts, read from Redis
 * and the same from every replica): Node's process metrics (prom-client's default collectors: CPU,
 * memory, event-loop lag, handles, GC), `laysum_build_info`, and the HTTP requests this server
 * answered, by method, route pattern (never the raw path, so the label set stays small) and status.
 * One registry per process: every app a process builds counts into it.
 */
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { laysumVersion } from '../config/version.ts';
import type { AppEnv } from './types.ts';

const registry = new Registry();
collectDefaultMetrics({ register: registry });

new Gauge({
  name: 'laysum_build_info',
  help: 'Always 1; the labels say which LaySum and Node this process runs',
  labelNames: ['version', 'node'],
  registers: [registry],
}).set({ version: laysumVersion(), node: process.version }, 1);

const labelNames = ['method', 'route', 'status'];
const requests = new Counter({
  name: 'laysum_http_requests_total',
  help: 'HTTP requests answered by this server process',
  labelNames,
  registers: [registry],
});
const durations = new Histogram({
  name: 'laysum_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern',
  labelNames,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

/** Counts every request the app answers (put it first, so it sees every answer). */
export function httpMetrics(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    // The pattern of the last route that matched ('/s/:slug'); '*' alone means no route did.
    const pattern = routePath(c, -1);
    const labels = {
      method: c.req.method,
      route: pattern === '' ? '*' : pattern,
      status: String(c.res.status),
    };
    requests.inc(labels);
    durations.observe(labels, (performance.now() - started) / 1000);
  };
}

/** This process's figures in Prometheus text format. */
export async function renderProcessMetrics(): Promise<string> {
  return registry.metrics();
}

export const processMetricsContentType = registry.contentType;
