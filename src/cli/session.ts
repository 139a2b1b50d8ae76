/** Runs one CLI command with the config and a context, closing connections afterwards. */
import { loadConfig } from '../config/env.ts';
import { type Context, createContext } from '../runtime/context.ts';
import type { ConnectionRole } from '../store/redis.ts';
import { reportError } from './output.ts';

export async function withContext(
  fn: (ctx: Context) => Promise<void>,
  role: ConnectionRole = 'producer',
): Promise<void> {
  let ctx: Context | undefined;
  try {
    ctx = await createContext(loadConfig(), role);
    await fn(ctx);
  } catch (err) {
    reportError(err);
  } finally {
    await ctx?.close().catch(() => {});
  }
}
