/**
 * Configuration, parsed once. `loadConfig()` reads the environment and `.env`,
 * validates every variable with zod and returns a typed config object that is
 * passed down; nothing else in LaySum reads process.env. `.env.example`
 * documents the same variables.
 *
 * The shape is written once: `EnvSchema` (./env-schema.ts, one line per variable) and the
 * transform in `ConfigSchema` (where each variable goes); `Config` is the
 * transform's output type. The parsed variables stay on the config (`env`), so
 * `withOverrides` re-parses them with a few changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.ts';
import { redactUrlCredentials } from '../errors/redact.ts';
import {
  type AllowPrivate,
  type EnvName,
  EnvSchema,
  parseAllowPrivate,
  publicBaseUrl,
} from './env-schema.ts';
import { oidcConfig } from './oidc.ts';
import { clusterTarget, describeTarget, keyPrefix } from './redis-target.ts';
import { siteProfile } from './site-profile.ts';

/** Jobs per process with no limits known and SUMMARIZE_CONCURRENCY unset. */
export const DEFAULT_SUMMARIZE_CONCURRENCY = 4;

export { type Env, type EnvName, EnvSchema } from './env-schema.ts';
export type { OidcConfig } from './oidc.ts';
export type { ClusterTarget } from './redis-target.ts';
export type { SiteProfile } from './site-profile.ts';

const trimSlash = (u: string) => u.replace(/\/+$/, '');

/** FETCH_ALLOW_PRIVATE, already checked by the schema. */
function allowPrivate(text: string): AllowPrivate {
  const parsed = parseAllowPrivate(text);
  return 'bad' in parsed ? { hosts: [], ranges: [] } : parsed;
}

const ConfigSchema = EnvSchema.transform((env, ctx) => {
  const provider = env.LLM_PROVIDER ?? (env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'extractive');
  if (provider === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    ctx.addIssue({
      code: 'custom',
      path: ['LLM_PROVIDER'],
      message:
        'openai needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL (for a local OpenAI-compatible server)',
    });
    return z.NEVER;
  }
  if (env.LLM_VERIFY && provider !== 'openai') {
    ctx.addIssue({
      code: 'custom',
      path: ['LLM_VERIFY'],
      message:
        'the verifier needs a model: set OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL (for a local OpenAI-compatible server), or leave LLM_VERIFY unset',
    });
    return z.NEVER;
  }
  const cluster = clusterTarget(env, ctx);
  if (cluster === 'invalid') return z.NEVER;
  const site = siteProfile(env);
  const oidc = oidcConfig(env, ctx);
  if (oidc === 'invalid') return z.NEVER;
  return {
    redis: {
      /** Where Redis is, as shown in messages (redact before printing: it may hold a password). */
      url: describeTarget(env.REDIS_URL, cluster),
      /** A Redis Cluster's seed nodes and credentials; null: one server at `url`. */
      cluster,
      /** The key prefix; on a cluster always with a {hash tag} (LAYSUM_PREFIX wrapped in one when it has none). */
      prefix: keyPrefix(env.LAYSUM_PREFIX, cluster),
      allowEviction: env.REDIS_ALLOW_EVICTION,
      /** How often a running process reads maxmemory-policy again (also on every reconnect). */
      policyCheckMs: env.REDIS_POLICY_CHECK_MS,
    },
    /** PostgreSQL holds the records when set (one schema per LAYSUM_PREFIX); Redis does when not. */
    database: { url: env.DATABASE_URL },
    llm: {
      provider,
      apiKey: env.OPENAI_API_KEY,
      baseURL: env.OPENAI_BASE_URL,
      model: env.LLM_MODEL,
      timeoutMs: env.LLM_TIMEOUT_MS,
      maxRepairs: env.LLM_MAX_REPAIRS,
      attempts: env.LLM_ATTEMPTS,
      backoffMs: env.LLM_BACKOFF_MS,
      /** Sent as `max_tokens` when set (local servers may default to a short reply). */
      maxTokens: env.LLM_MAX_TOKENS,
      /**
       * How the reply's shape is asked for: strict json_schema, json_object with the schema in the prompt, or a
       * tool call; `auto` starts with json_schema and steps down when the server refuses a mode (remembered per
       * server and model for the fleet).
       */
      outputMode: env.LLM_OUTPUT_MODE,
      /** Models tried in order when LLM_MODEL is unavailable or refuses the output mode. */
      fallbackModels: (env.LLM_FALLBACK_MODELS ?? '')
        .split(',')
        .map((m) => m.trim())
        .filter(Boolean),
      /** Fleet-wide limits shared through Redis; undefined: no limit of that kind. */
      limits: {
        rpm: env.LLM_RPM,
        tpm: env.LLM_TPM,
        concurrency: env.LLM_CONCURRENCY,
        windowMs: env.LLM_LIMIT_WINDOW_MS,
      },
      /** One verifier call per draft labelling each sentence against the source (src/summarize/verify.ts). */
      verify: env.LLM_VERIFY,
      cache: { enabled: env.LLM_CACHE, ttlSeconds: env.LLM_CACHE_TTL_DAYS * 86_400 },
      prices: env.LLM_PRICES ?? {},
      budget: { dailyTokens: env.LLM_DAILY_TOKEN_BUDGET, dailyCostUsd: env.LLM_DAILY_COST_BUDGET },
    },
    metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT, host: env.METRICS_HOST },
    workers: {
      ingestConcurrency: env.INGEST_CONCURRENCY,
      /** Jobs per process, or `auto`: sized from the limits and the fleet's latency (SUMMARIZE_CONCURRENCY unset, a limit set). */
      summarizeConcurrency:
        env.SUMMARIZE_CONCURRENCY ??
        (env.LLM_RPM || env.LLM_TPM ? ('auto' as const) : DEFAULT_SUMMARIZE_CONCURRENCY),
      /** Long-lived PDF parsing threads per process (src/sources/pdf/run-thread.ts). */
      pdfThreads: env.PDF_THREADS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      /** How often a worker checks that every paper in flight has a live job (src/queue/sweep.ts). */
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      /** With PostgreSQL records: every this often, audit entries not in the Redis stream after this long are sent (src/store/audit-mirror.ts). */
      auditCatchUpMs: env.AUDIT_CATCHUP_MS,
      /** A job's lock (renewed while it runs): a crashed worker's jobs go to another worker this long after. */
      jobLockMs: env.JOB_LOCK_MS,
      /** How often each worker process says it is alive; none seen for 3 of these and the desk says no worker runs. */
      heartbeatMs: env.WORKER_HEARTBEAT_MS,
    },
    limits: {
      maxTextBytes: env.MAX_TEXT_BYTES,
      maxPdfBytes: env.MAX_PDF_BYTES,
      /** JSON bodies of POST /api/papers, checked while reading. */
      maxJsonBytes: env.MAX_JSON_BYTES,
      /** Entries one batch file may hold (CLI and desk); a larger file is refused whole, with the number. */
      maxBatchItems: env.MAX_BATCH_ITEMS,
      fullTextBudgetChars: env.FULLTEXT_BUDGET_CHARS,
      /** A watched feed's download is cut off (and the poll fails) beyond this. */
      maxFeedBytes: env.FEED_MAX_BYTES,
      /** New papers one poll of a watch may queue; the rest wait for the next poll. */
      maxNewPerPoll: env.WATCH_MAX_NEW_PER_POLL,
    },
    sources: {
      ncbiUrl: trimSlash(env.NCBI_EUTILS_URL),
      ncbiApiKey: env.NCBI_API_KEY,
      crossrefUrl: trimSlash(env.CROSSREF_API_URL),
      europePmcUrl: trimSlash(env.EUROPEPMC_API_URL),
      contactEmail: env.CONTACT_EMAIL,
      httpTimeoutMs: env.HTTP_TIMEOUT_MS,
      /** Queue attempts of an ingest job whose source fails transiently (429, 5xx, network). */
      httpAttempts: env.HTTP_ATTEMPTS,
    },
    /** Internal hosts and ranges a watched feed or a webhook may still reach (src/net/destinations.ts). */
    fetch: { allowPrivate: allowPrivate(env.FETCH_ALLOW_PRIVATE) },
    webhooks: {
      /** Deliveries of one event to one URL: attempts, backoff (base, cap), when to give up, per-request timeout. */
      attempts: env.WEBHOOK_ATTEMPTS,
      backoffMs: env.WEBHOOK_BACKOFF_MS,
      maxBackoffMs: env.WEBHOOK_MAX_BACKOFF_MS,
      giveUpAfterMs: env.WEBHOOK_GIVE_UP_AFTER_S * 1000,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      /** How long delivery records are kept (what an admin can resend). */
      keepMs: env.WEBHOOK_KEEP_DAYS * 86_400_000,
      /** After a secret rotation, how long the old secret still signs too. */
      secretGraceMs: env.WEBHOOK_SECRET_GRACE_S * 1000,
      /** Also send the pre-Standard-Webhooks X-LaySum-* headers (for one release). */
      legacyHeaders: env.WEBHOOK_LEGACY_HEADERS,
    },
    http: {
      port: env.PORT,
      /** On SIGTERM, /readyz answers 503 this long (load balancers stop sending) before the server closes. */
      shutdownGraceMs: env.READYZ_GRACE_MS,
      publicBaseUrl: publicBaseUrl(env),
      autoPublish: env.AUTO_PUBLISH,
      /** Behind a reverse proxy: believe its X-Forwarded-Proto / X-Forwarded-For. */
      trustProxy: env.TRUST_PROXY,
      /** Failed sign-ins and bad Bearer tokens: per client address, and per account (src/http/sign-in-limit.ts). */
      signIn: {
        maxFailures: env.SIGNIN_MAX_FAILURES,
        windowSeconds: env.SIGNIN_FAILURE_WINDOW_S,
        accountMaxFailures: env.SIGNIN_ACCOUNT_MAX_FAILURES,
      },
      /** How long a password reset link works. */
      resetLinkTtlSeconds: env.RESET_LINK_TTL_S,
      /** How long opening a draft on the desk claims it for that reviewer (renewed on each visit). */
      claimTtlMs: env.CLAIM_TTL_MS,
      // The site's condition is known now; the journal is filled in per summary.
      disclaimer: env.DISCLAIMER_TEXT.replaceAll('{condition}', site.condition ?? 'the condition studied'),
      /** The public page's one line on how the summary was made; {date} is the approval date. */
      credit: {
        ai: env.PAGE_CREDIT_AI,
        extractive: env.PAGE_CREDIT_EXTRACTIVE,
        names: env.PAGE_CREDIT_NAMES,
      },
      /** How many of the newest summaries the feeds carry. */
      feedItems: env.FEED_ITEMS,
      /** The publisher's name, "about these summaries" explainer and date locale on every public page. */
      site: { name: env.SITE_NAME, about: env.SITE_ABOUT ?? null, locale: env.SITE_LOCALE },
      /** Summaries per page of the published index and topic pages. */
      sitePageSize: env.SITE_PAGE_SIZE,
    },
    /** Single sign-on with the team's OpenID Connect provider; null when OIDC_ISSUER is not set. */
    oidc,
    /** `auto`: human-readable lines when stderr is a terminal, JSON lines otherwise. */
    /** `noColor`: NO_COLOR is set, so human-readable lines carry no colour codes. */
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT, noColor: env.NO_COLOR !== undefined },
    site,
    env,
  };
});
export type Config = z.output<typeof ConfigSchema>;

/** Validate an environment-like object; throws ConfigError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Config {
  // `NAME=` (as in .env.example) means "not set": the default applies.
  const given = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = ConfigSchema.safeParse(given);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = issue.path.join('.');
    const raw = source[name];
    const shown =
      /KEY|TOKEN|SECRET/.test(name) || raw === undefined ? '' : ` (got "${redactUrlCredentials(raw)}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(problems);
}

/**
 * The process environment over the `.env` file (if any): real environment
 * variables win, as with dotenv.
 */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; envFile?: string } = {}): Config {
  const envFile = options.envFile ?? '.env';
  const fromFile = existsSync(envFile) ? parseDotEnv(readFileSync(envFile, 'utf8')) : {};
  return parseEnv({ ...fromFile, ...(options.env ?? process.env) });
}

/** Override some variables of a config (tests, the demo): the parsed variables, re-parsed with the changes. */
export function withOverrides(config: Config, overrides: Partial<Record<EnvName, string>>): Config {
  const current = Object.entries(config.env).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, String(value)] as const],
  );
  return parseEnv({ ...Object.fromEntries(current), ...overrides });
}
