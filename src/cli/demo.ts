/**
 * `npm run demo`: runs the real abstracts in samples/ through the whole
 * pipeline (submit -> ingest -> summarize -> checks -> review queue) and
 * prints each lay summary with its state, then prints a token for the review
 * desk and (in a terminal) serves it until Ctrl-C. Uses REDIS_URL, or a
 * private redis-server under .laysum/ when the default one is not running.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWorkerOf, startWorkers } from '../../workers/run.ts';
import { type Config, loadConfig, withOverrides } from '../config/env.ts';
import { projectPath } from '../config/paths.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import { createApp } from '../http/app.tsx';
import { listen } from '../http/server.ts';
import { submitPaper } from '../intake/submit.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { paperView } from '../review/view.ts';
import { appDeps } from '../runtime/app-deps.ts';
import { type Context, createContext } from '../runtime/context.ts';
import { hasRedisServer, type PrivateRedis, startPrivateRedis } from '../runtime/private-redis.ts';
import { formatView } from './format.ts';
import { note, print, reportError } from './output.ts';

const SAMPLES = projectPath('samples', 'abstracts');
const DEFAULT_REDIS = 'redis://127.0.0.1:6379';
const DEMO_USER = 'demo-reviewer';

async function connect(config: Config): Promise<{ ctx: Context; privateRedis: PrivateRedis | null }> {
  try {
    return { ctx: await createContext(config, 'worker'), privateRedis: null };
  } catch (err) {
    if (config.redis.url !== DEFAULT_REDIS || !hasRedisServer()) {
      throw new LaySumError(`Cannot reach Redis at ${redactUrlCredentials(config.redis.url)}.`, {
        hint: 'Start one (`sudo apt-get install redis-server` then `redis-server --daemonize yes`), or set REDIS_URL to a reachable Redis 6+.',
        cause: err,
      });
    }
    note(
      'No Redis on 127.0.0.1:6379: starting a private redis-server under .laysum/redis (append-only file on).',
    );
    const privateRedis = await startPrivateRedis();
    return {
      ctx: await createContext(withOverrides(config, { REDIS_URL: privateRedis.url }), 'worker'),
      privateRedis,
    };
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.llm.provider === 'extractive') {
    note(
      'No LLM configured (OPENAI_API_KEY / OPENAI_BASE_URL are unset): using the offline extractive provider.',
    );
    note(
      'Its drafts are labelled "provider: extractive" and are built from the abstracts\' own sentences, not by AI.',
    );
  } else {
    note(`Summarizing with ${config.llm.model} at ${config.llm.baseURL ?? 'api.openai.com'}.`);
  }
  const { ctx, privateRedis } = await connect(config);
  // The progress lines below are for the person watching; the workers and the desk log at LOG_LEVEL.
  const log = createLogger(config, { name: 'demo' });
  try {
    const files = readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    const ids: string[] = [];
    let queued = 0;
    for (const file of files) {
      const text = readFileSync(join(SAMPLES, file), 'utf8');
      const r = await submitPaper(ctx, { kind: 'text', text }, { actor: 'demo' });
      ids.push(r.id);
      if (r.created) queued++;
      note(`${file}: ${r.created ? `queued as ${r.id}` : `already known as ${r.id} (${r.state})`}`);
    }
    note(queued ? `Processing ${queued} new paper(s)...` : 'Nothing new to process.');
    let done = 0;
    const workers = await startWorkers(ctx, {
      log,
      onWorker: (w) => {
        if (!isWorkerOf(w, 'summarize')) return;
        w.on('completed', (job) => note(`  drafted ${++done}/${queued}: ${String(job.data.paperId)}`));
        w.on('failed', (job, err) => note(`  ${String(job?.data.paperId)}: ${err.message.split('\n')[0]}`));
      },
    });
    await workers.untilIdle();
    await workers.close();
    for (const id of ids) {
      print(`\n${'='.repeat(88)}`);
      print(formatView(await paperView(ctx.store, id)));
    }
    print(
      `\n${ids.length} paper(s) processed. Next: \`npx laysum review list\`, \`npx laysum review show <id>\`, \`npx laysum review approve <id> --as <name>\`.`,
    );
    await offerDesk(ctx, log, privateRedis !== null);
  } finally {
    await ctx.close();
    await privateRedis?.stop();
  }
}

/**
 * The demo's reviewer account (a reviewer, not an admin) and (in a terminal,
 * unless --no-serve) the review desk on PORT until Ctrl-C. The account is
 * kept between runs, so running the demo again never signs a browser out;
 * its token is printed when the account is made.
 */
async function offerDesk(ctx: Context, log: Logger, privateRedis: boolean): Promise<void> {
  const deps = appDeps(ctx, log);
  print(await demoAccount(deps));
  const serve =
    process.argv.includes('--serve') || (process.stdout.isTTY && !process.argv.includes('--no-serve'));
  if (!serve) {
    print(
      privateRedis
        ? 'The private Redis stops with the demo; its data stays in .laysum/redis. To keep working with it, run `redis-server --dir .laysum/redis --appendonly yes --daemonize yes`, then `npx laysum serve`.'
        : `Then run \`npx laysum serve\` and open ${ctx.config.http.publicBaseUrl}/login.`,
    );
    return;
  }
  const server = await listen(createApp(deps), ctx.config.http.port);
  print(
    `The review desk is at http://localhost:${server.port}/login (published pages at /). Press Ctrl-C to stop.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
}

/** What the person is told about the demo account: a new token, or that the earlier one still works. */
async function demoAccount(deps: ReturnType<typeof appDeps>): Promise<string> {
  const existing = await deps.users.get(DEMO_USER);
  if (existing?.role === 'reviewer') {
    return `\nThe "${DEMO_USER}" account from an earlier run is kept: a browser signed in as it stays signed in, and its token still works. Lost the token? \`npx laysum users token ${DEMO_USER}\` prints a new one.`;
  }
  // Earlier demos made this account an admin: it becomes a reviewer (that browser signs in again, once).
  const replaced = existing
    ? `(The earlier "${DEMO_USER}" account was an admin; it is now a reviewer, with a new token: sign in again.)\n`
    : '';
  if (existing) await deps.users.remove(DEMO_USER);
  const { token } = await deps.users.add(DEMO_USER, 'reviewer');
  return `\n${replaced}Review the drafts in the browser as a reviewer: sign in as "${DEMO_USER}" with this token (shown once):\n  ${token}`;
}

main().catch((err: unknown) => {
  reportError(err);
});
