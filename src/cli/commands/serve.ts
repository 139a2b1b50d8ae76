/** `laysum serve`: the API, the review desk, the published pages and the admin dashboard on one port. */
import { InputError } from '../../errors/input-error.ts';
import { createApp } from '../../http/app.tsx';
import { metricsApp } from '../../http/metrics.ts';
import { listen } from '../../http/server.ts';
import { createLogger } from '../../log/logger.ts';
import { appDeps } from '../../runtime/app-deps.ts';
import { withContext } from '../session.ts';

function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InputError(`"${value}" is not a port number.`, {
      hint: 'Give a number from 0 to 65535, e.g. --port 3000.',
    });
  }
  return port;
}

/**
 * After SIGTERM, keep serving while /readyz says 503, so a load balancer takes this server out
 * before it closes; Ctrl-C (SIGINT) or a second signal ends the wait at once.
 */
async function readinessGrace(signal: NodeJS.Signals, ms: number, log: { info(msg: string): void }) {
  if (signal !== 'SIGTERM' || ms <= 0) return;
  log.info(`SIGTERM: /readyz answers 503 for ${ms} ms, then the server closes.`);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    const now = () => {
      clearTimeout(timer);
      resolve();
    };
    process.once('SIGINT', now);
    process.once('SIGTERM', now);
  });
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

export function serve(o: { port?: string; host?: string }): Promise<void> {
  return withContext(async (ctx) => {
    const log = createLogger(ctx.config, { name: 'serve' });
    // Listen for the signal before saying "serving": a supervisor may stop us the moment it reads that line.
    const stopped = new Promise<NodeJS.Signals>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    for (const warning of await ctx.fleet.policyWarnings()) log.warn(warning);
    const deps = appDeps(ctx, log);
    const server = await listen(createApp(deps), portOf(o.port, ctx.config.http.port), o.host);
    log.info(
      { port: server.port },
      `LaySum is serving on port ${server.port}: review desk at /desk, API at /api (see /api/openapi.json), published pages at /.`,
    );
    log.info(
      'The server drafts nothing itself: papers are fetched, drafted and polled only while `laysum worker` runs (another terminal or machine, same REDIS_URL and LAYSUM_PREFIX).',
    );
    const { port: metricsPort, host: metricsHost, token: metricsToken } = ctx.config.metrics;
    const metrics =
      metricsPort === undefined ? null : await listen(metricsApp(deps), metricsPort, metricsHost);
    if (metrics) {
      log.info(
        { port: metrics.port, host: metricsHost },
        `Prometheus metrics on ${metricsHost}:${metrics.port} at /metrics (/metrics/fleet and /metrics/process apart).`,
      );
      if (!metricsToken && !isLoopback(metricsHost))
        log.warn(
          `METRICS_PORT listens on ${metricsHost} without METRICS_TOKEN: anyone who reaches it reads the fleet's figures. Set METRICS_TOKEN, or METRICS_HOST=127.0.0.1.`,
        );
    }
    if ((await deps.users.list()).length === 0)
      log.warn('No accounts yet: create one with `laysum users add NAME --role admin`.');
    const signal = await stopped;
    deps.health.stopping = true;
    await readinessGrace(signal, ctx.config.http.shutdownGraceMs, log);
    log.info('Stopping the server...');
    await Promise.all([server.close(), metrics?.close()]);
  }, 'server');
}
