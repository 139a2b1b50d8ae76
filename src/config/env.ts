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

export const EnvSchema = z.object({
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' })
    .default('redis://127.0.0.1:6379'),
  LAYSUM_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'use 1-64 letters, digits, "_", "." or "-" (no ":")')
    .default('laysum'),

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

  INGEST_CONCURRENCY: int(4, 1),
  SUMMARIZE_CONCURRENCY: int(4, 1),
  PDF_THREADS: int(2, 1),
  SHUTDOWN_TIMEOUT_MS: int(30_000, 100),

  MAX_TEXT_BYTES: int(200_000, 100),
  MAX_PDF_BYTES: int(25_000_000, 1000),
  FULLTEXT_BUDGET_CHARS: int(24_000, 0),

  NCBI_EUTILS_URL: url('https://eutils.ncbi.nlm.nih.gov/entrez/eutils'),
  NCBI_API_KEY: optional,
  CROSSREF_API_URL: url('https://api.crossref.org'),
  EUROPEPMC_API_URL: url('https://www.ebi.ac.uk/europepmc/webservices/rest'),
  CONTACT_EMAIL: optional.pipe(z.email().optional()),
  HTTP_TIMEOUT_MS: int(30_000, 100),
  HTTP_ATTEMPTS: int(6, 1),

  PORT: int(3000, 0),
  PUBLIC_BASE_URL: url('http://localhost:3000'),
  AUTO_PUBLISH: bool(false),
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
    redis: { url: env.REDIS_URL, prefix: env.LAYSUM_PREFIX },
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
    },
    workers: {
      ingestConcurrency: env.INGEST_CONCURRENCY,
      summarizeConcurrency: env.SUMMARIZE_CONCURRENCY,
      /** Long-lived PDF parsing threads per process (src/sources/pdf/run-thread.ts). */
      pdfThreads: env.PDF_THREADS,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    limits: {
      maxTextBytes: env.MAX_TEXT_BYTES,
      maxPdfBytes: env.MAX_PDF_BYTES,
      fullTextBudgetChars: env.FULLTEXT_BUDGET_CHARS,
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
    http: {
      port: env.PORT,
      publicBaseUrl: trimSlash(env.PUBLIC_BASE_URL),
      autoPublish: env.AUTO_PUBLISH,
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
    const shown = name.includes('KEY') || raw === undefined ? '' : ` (got "${raw}")`;
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
