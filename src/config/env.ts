/**
 * Configuration, parsed once. `loadConfig()` reads the environment and `.env`,
 * validates every variable with zod and returns a typed config object that is
 * passed down; nothing else in LaySum reads process.env. `.env.example`
 * documents the same variables.
 *
 * The shape is written once: `EnvSchema` (one line per variable) and the
 * transform in `ConfigSchema` (where each variable goes); `Config` is the
 * transform's output type. The parsed variables stay on the config (`env`), so
 * `withOverrides` re-parses them with a few changed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';
import { ConfigError } from '../errors/config-error.ts';

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1' || v === 'yes');
const url = (def: string) => z.url({ protocol: /^https?$/ }).default(def);
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const wholeNumber = (min: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min))
    .optional();

/** USD per million tokens, per model: `{"gpt-4o-mini":{"input":0.15,"output":0.6,"cachedInput":0.075}}`. */
const ModelPrice = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().optional(),
});
const Prices = z.record(z.string().min(1), ModelPrice);
export type ModelPrices = z.infer<typeof Prices>;

function parsePrices(text: string, ctx: z.RefinementCtx): unknown {
  try {
    return JSON.parse(text);
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: 'must be JSON: {"MODEL":{"input":USD_PER_1M,"output":USD_PER_1M,"cachedInput":USD_PER_1M}}',
    });
    return z.NEVER;
  }
}

export const EnvSchema = z.object({
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379'),
  LAYSUM_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1-64 letters, digits, "_", "." or "-" (no ":")')
    .default('laysum'),
  REDIS_ALLOW_EVICTION: bool(false),

  LLM_PROVIDER: z.enum(['openai', 'extractive']).optional(),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  LLM_TIMEOUT_MS: int(120_000, 100),
  LLM_MAX_REPAIRS: int(2),
  LLM_ATTEMPTS: int(8, 1),
  LLM_BACKOFF_MS: int(5_000, 1),
  LLM_MAX_TOKENS: optional.pipe(
    z
      .string()
      .regex(/^\d+$/, 'must be a whole number')
      .transform(Number)
      .pipe(z.number().int().min(256))
      .optional(),
  ),

  LLM_RPM: optional.pipe(wholeNumber(1)),
  LLM_TPM: optional.pipe(wholeNumber(1)),
  LLM_CONCURRENCY: optional.pipe(wholeNumber(1)),
  LLM_LIMIT_WINDOW_MS: int(60_000, 1000),
  LLM_OUTPUT_MODE: z.enum(['json_schema', 'json_object', 'tools']).default('json_schema'),
  LLM_FALLBACK_MODELS: optional,
  LLM_CACHE: bool(true),
  LLM_CACHE_TTL_DAYS: int(30, 1),
  LLM_PRICES: optional.pipe(z.string().transform(parsePrices).pipe(Prices).optional()),
  LLM_DAILY_TOKEN_BUDGET: optional.pipe(wholeNumber(1)),
  LLM_DAILY_COST_BUDGET: optional.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a number of US dollars, e.g. 5 or 2.50')
      .transform(Number)
      .pipe(z.number().positive())
      .optional(),
  ),
  METRICS_TOKEN: optional.pipe(z.string().min(16, 'use at least 16 characters').optional()),
  METRICS_PORT: optional.pipe(wholeNumber(1)),

  INGEST_CONCURRENCY: int(4, 1),
  SUMMARIZE_CONCURRENCY: int(4, 1),
  PDF_THREADS: int(2, 1),
  SHUTDOWN_TIMEOUT_MS: int(30_000, 100),
  SWEEP_INTERVAL_MS: int(60_000, 1000),
  JOB_LOCK_MS: int(30_000, 1000),

  MAX_TEXT_BYTES: int(200_000, 100),
  MAX_PDF_BYTES: int(25_000_000, 1000),
  MAX_JSON_BYTES: int(1_000_000, 1000),
  FULLTEXT_BUDGET_CHARS: int(24_000, 0),
  FEED_MAX_BYTES: int(5_000_000, 1000),
  WATCH_MAX_NEW_PER_POLL: int(50, 1),

  NCBI_EUTILS_URL: url('https://eutils.ncbi.nlm.nih.gov/entrez/eutils'),
  NCBI_API_KEY: optional,
  CROSSREF_API_URL: url('https://api.crossref.org'),
  EUROPEPMC_API_URL: url('https://www.ebi.ac.uk/europepmc/webservices/rest'),
  CONTACT_EMAIL: optional.pipe(z.email().optional()),
  HTTP_TIMEOUT_MS: int(30_000, 100),
  HTTP_ATTEMPTS: int(6, 1),

  WEBHOOK_ATTEMPTS: int(8, 1),
  WEBHOOK_BACKOFF_MS: int(10_000, 1),
  WEBHOOK_TIMEOUT_MS: int(10_000, 100),

  PORT: int(3000, 0),
  PUBLIC_BASE_URL: url('http://localhost:3000'),
  TRUST_PROXY: bool(false),
  SIGNIN_MAX_FAILURES: int(10, 1),
  SIGNIN_FAILURE_WINDOW_S: int(900, 1),
  SIGNIN_MAX_FAILURES_ALL: int(1000, 0),
  AUTO_PUBLISH: bool(false),
  CLAIM_TTL_MS: int(900_000, 100),
  DISCLAIMER_TEXT: z
    .string()
    .default(
      'This summary was written to help readers understand published research. It is not medical advice: talk to your healthcare provider before making decisions about your care. Read the original article for full details.',
    ),
  PAGE_CREDIT_AI: z
    .string()
    .default('Written with AI assistance from the original article and checked by a person on {date}.'),
  PAGE_CREDIT_EXTRACTIVE: z
    .string()
    .default("Assembled from the article's abstract and checked by a person on {date}."),
  PAGE_CREDIT_NAMES: bool(false),
  FEED_ITEMS: int(50, 1),
  SITE_PAGE_SIZE: int(20, 1),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),

  SITE_AUDIENCE: z.string().min(3).default('patients, caregivers and the general public'),
  SITE_FOCUS: optional,
  SITE_HOUSE_RULES: optional,
  READING_TARGET_GRADE: z.coerce.number().min(3).max(16).default(8),
});
/** The variables as parsed: what `withOverrides` starts from. */
export type Env = z.output<typeof EnvSchema>;
export type EnvName = keyof Env;

/** Who this site writes for and how (one profile per LAYSUM_PREFIX): read by the prompt, the checks and the pages. */
export interface SiteProfile {
  /** The readers, in words the prompt can use: "people living with multiple sclerosis and their caregivers". */
  audience: string;
  /** Terms a relevant paper mentions (SITE_FOCUS, comma-separated); empty: every paper is in focus. */
  focus: string[];
  /** The condition the site is about (the first focus term), for {condition} in the disclaimer. */
  condition: string | null;
  readingTargetGrade: number;
  /** Extra rules for the writer (SITE_HOUSE_RULES), or null. */
  houseRules: string | null;
  /** The disclaimer template: {journal} and {condition} are filled in per summary (src/publish/disclaimer.ts). */
  disclaimer: string;
}

function siteProfile(env: Env): SiteProfile {
  const focus = (env.SITE_FOCUS ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
  return {
    audience: env.SITE_AUDIENCE.trim(),
    focus,
    condition: focus[0] ?? null,
    readingTargetGrade: env.READING_TARGET_GRADE,
    houseRules: env.SITE_HOUSE_RULES ?? null,
    disclaimer: env.DISCLAIMER_TEXT,
  };
}

const trimSlash = (u: string) => u.replace(/\/+$/, '');

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
  return {
    redis: { url: env.REDIS_URL, prefix: env.LAYSUM_PREFIX, allowEviction: env.REDIS_ALLOW_EVICTION },
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
      /** How the reply's shape is asked for: strict json_schema, json_object with the schema in the prompt, or a tool call. */
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
      cache: { enabled: env.LLM_CACHE, ttlSeconds: env.LLM_CACHE_TTL_DAYS * 86_400 },
      prices: env.LLM_PRICES ?? {},
      budget: { dailyTokens: env.LLM_DAILY_TOKEN_BUDGET, dailyCostUsd: env.LLM_DAILY_COST_BUDGET },
    },
    metrics: { token: env.METRICS_TOKEN, port: env.METRICS_PORT },
    workers: {
      ingestConcurrency: env.INGEST_CONCURRENCY,
      summarizeConcurrency: env.SUMMARIZE_CONCURRENCY,
      /** Long-lived PDF parsing threads per process (src/sources/pdf/run-thread.ts). */
      pdfThreads: env.PDF_THREADS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
      /** How often a worker checks that every paper in flight has a live job (src/queue/sweep.ts). */
      sweepIntervalMs: env.SWEEP_INTERVAL_MS,
      /** A job's lock (renewed while it runs): a crashed worker's jobs go to another worker this long after. */
      jobLockMs: env.JOB_LOCK_MS,
    },
    limits: {
      maxTextBytes: env.MAX_TEXT_BYTES,
      maxPdfBytes: env.MAX_PDF_BYTES,
      /** JSON bodies of POST /api/papers, checked while reading. */
      maxJsonBytes: env.MAX_JSON_BYTES,
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
    webhooks: {
      /** Deliveries of one event to one URL: attempts, exponential backoff base, per-request timeout. */
      attempts: env.WEBHOOK_ATTEMPTS,
      backoffMs: env.WEBHOOK_BACKOFF_MS,
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
    },
    http: {
      port: env.PORT,
      publicBaseUrl: trimSlash(env.PUBLIC_BASE_URL),
      autoPublish: env.AUTO_PUBLISH,
      /** Behind a reverse proxy: believe its X-Forwarded-Proto / X-Forwarded-For. */
      trustProxy: env.TRUST_PROXY,
      /** Failed sign-ins and bad Bearer tokens: per client address, and across all addresses (0: no such cap). */
      signIn: {
        maxFailures: env.SIGNIN_MAX_FAILURES,
        windowSeconds: env.SIGNIN_FAILURE_WINDOW_S,
        maxFailuresAll: env.SIGNIN_MAX_FAILURES_ALL,
      },
      /** How long opening a draft on the desk claims it for that reviewer (renewed on each visit). */
      claimTtlMs: env.CLAIM_TTL_MS,
      // The site's condition is known now; the journal is filled in per summary.
      disclaimer: env.DISCLAIMER_TEXT.replaceAll(
        '{condition}',
        siteProfile(env).condition ?? 'the condition studied',
      ),
      /** The public page's one line on how the summary was made; {date} is the approval date. */
      credit: {
        ai: env.PAGE_CREDIT_AI,
        extractive: env.PAGE_CREDIT_EXTRACTIVE,
        names: env.PAGE_CREDIT_NAMES,
      },
      /** How many of the newest summaries the feeds carry. */
      feedItems: env.FEED_ITEMS,
      /** Summaries per page of the published index and topic pages. */
      sitePageSize: env.SITE_PAGE_SIZE,
    },
    /** `auto`: human-readable lines when stderr is a terminal, JSON lines otherwise. */
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    site: siteProfile(env),
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
    const shown = /KEY|TOKEN/.test(name) || raw === undefined ? '' : ` (got "${raw}")`;
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
