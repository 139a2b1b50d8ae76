/**
 * LaySum's HTTP server for a benchmark: the real app on its own port and its
 * own Redis prefix (removed by `close`), extractive summaries, no log lines.
 */
import { randomUUID } from 'node:crypto';
import { loadConfig, withOverrides } from '../src/config/env.ts';
import { createApp } from '../src/http/app.tsx';
import { listen } from '../src/http/server.ts';
import { createLogger } from '../src/log/logger.ts';
import { appDeps } from '../src/runtime/app-deps.ts';
import { type Context, createContext, redisOf } from '../src/runtime/context.ts';
import { deletePrefix } from '../src/store/redis.ts';

export interface BenchServer {
  ctx: Context;
  url: string;
  close(): Promise<void>;
}

export async function startBenchServer(name: string): Promise<BenchServer> {
  const prefix = `bench-${name}-${randomUUID().slice(0, 8)}`;
  const config = withOverrides(loadConfig(), { LAYSUM_PREFIX: prefix, LLM_PROVIDER: 'extractive' });
  const ctx = await createContext(config);
  const quiet = createLogger(
    { ...config, log: { level: 'silent', format: 'json' } },
    { destination: { write: () => true } },
  );
  const server = await listen(createApp(appDeps(ctx, quiet)), 0, '127.0.0.1');
  return {
    ctx,
    url: server.url,
    close: async () => {
      await server.close();
      await deletePrefix(redisOf(ctx), prefix);
      await ctx.close();
    },
  };
}
