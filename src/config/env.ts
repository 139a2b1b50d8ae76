/**
 * Configuration, parsed once. `loadConfig()` reads the environment and `.env`,
 * validates every variable with zod and returns a typed config object that is
 * passed down; nothing else in LaySum reads process.env. `.env.example`
 * documents the same variables.
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
  HTTP_ATTEMPTS: int(4, 1),

  PORT: int(3000, 0),
  PUBLIC_BASE_URL: url('http://localhost:3000'),
  AUTO_PUBLISH: bool(false),
  DISCLAIMER_TEXT: z
    .string()
    .default(
      'This summary was written to help readers understand published research. It is not medical advice: talk to your healthcare provider before making decisions about your care. Read the original article for full details.',
    ),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),

  SITE_AUDIENCE: z.string().min(3).default('patients, caregivers and the general public'),
  SITE_FOCUS: optional,
  SITE_HOUSE_RULES: optional,
  READING_TARGET_GRADE: z.coerce.number().min(3).max(16).default(8),
});
export type Env = z.infer<typeof EnvSchema>;

export interface Config {
  redis: { url: string; prefix: string };
  llm: {
    provider: 'openai' | 'extractive';
    apiKey: string | undefined;
    baseURL: string | undefined;
    model: string;
    timeoutMs: number;
    maxRepairs: number;
    attempts: number;
    backoffMs: number;
    /** Sent as `max_tokens` when set (local servers may default to a short reply). */
    maxTokens: number | undefined;
  };
  workers: { ingestConcurrency: number; summarizeConcurrency: number; shutdownTimeoutMs: number };
  limits: { maxTextBytes: number; maxPdfBytes: number; fullTextBudgetChars: number };
  sources: {
    ncbiUrl: string;
    ncbiApiKey: string | undefined;
    crossrefUrl: string;
    europePmcUrl: string;
    contactEmail: string | undefined;
    httpTimeoutMs: number;
    httpAttempts: number;
  };
  http: { port: number; publicBaseUrl: string; autoPublish: boolean; disclaimer: string };
  /** `auto`: human-readable lines when stderr is a terminal, JSON lines otherwise. */
  log: { level: Env['LOG_LEVEL']; format: Env['LOG_FORMAT'] };
  site: SiteProfile;
}

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

/** Validate an environment-like object; throws ConfigError naming each bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Config {
  // `NAME=` (as in .env.example) means "not set": the default applies.
  const given = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const result = EnvSchema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const raw = source[name];
      const shown = name.includes('KEY') || raw === undefined ? '' : ` (got "${raw}")`;
      return `${name}: ${issue.message}${shown}`;
    });
    throw new ConfigError(problems);
  }
  const env = result.data;
  const provider = env.LLM_PROVIDER ?? (env.OPENAI_API_KEY || env.OPENAI_BASE_URL ? 'openai' : 'extractive');
  if (provider === 'openai' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    throw new ConfigError([
      'LLM_PROVIDER=openai needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL (for a local OpenAI-compatible server)',
    ]);
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
      maxTokens: env.LLM_MAX_TOKENS,
    },
    workers: {
      ingestConcurrency: env.INGEST_CONCURRENCY,
      summarizeConcurrency: env.SUMMARIZE_CONCURRENCY,
      shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    },
    limits: {
      maxTextBytes: env.MAX_TEXT_BYTES,
      maxPdfBytes: env.MAX_PDF_BYTES,
      fullTextBudgetChars: env.FULLTEXT_BUDGET_CHARS,
    },
    sources: {
      ncbiUrl: env.NCBI_EUTILS_URL.replace(/\/+$/, ''),
      ncbiApiKey: env.NCBI_API_KEY,
      crossrefUrl: env.CROSSREF_API_URL.replace(/\/+$/, ''),
      europePmcUrl: env.EUROPEPMC_API_URL.replace(/\/+$/, ''),
      contactEmail: env.CONTACT_EMAIL,
      httpTimeoutMs: env.HTTP_TIMEOUT_MS,
      httpAttempts: env.HTTP_ATTEMPTS,
    },
    http: {
      port: env.PORT,
      publicBaseUrl: env.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      autoPublish: env.AUTO_PUBLISH,
      // The site's condition is known now; the journal is filled in per summary.
      disclaimer: env.DISCLAIMER_TEXT.replaceAll(
        '{condition}',
        siteProfile(env).condition ?? 'the condition studied',
      ),
    },
    log: { level: env.LOG_LEVEL, format: env.LOG_FORMAT },
    site: siteProfile(env),
  };
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

/** Override parts of a config (tests, the demo). */
export function withOverrides(config: Config, overrides: Partial<Record<keyof Env, string>>): Config {
  return parseEnv({ ...configToEnv(config), ...overrides });
}

function configToEnv(c: Config): Record<string, string | undefined> {
  return {
    REDIS_URL: c.redis.url,
    LAYSUM_PREFIX: c.redis.prefix,
    LLM_PROVIDER: c.llm.provider,
    OPENAI_API_KEY: c.llm.apiKey,
    OPENAI_BASE_URL: c.llm.baseURL,
    LLM_MODEL: c.llm.model,
    LLM_TIMEOUT_MS: String(c.llm.timeoutMs),
    LLM_MAX_REPAIRS: String(c.llm.maxRepairs),
    LLM_ATTEMPTS: String(c.llm.attempts),
    LLM_BACKOFF_MS: String(c.llm.backoffMs),
    LLM_MAX_TOKENS: c.llm.maxTokens === undefined ? undefined : String(c.llm.maxTokens),
    INGEST_CONCURRENCY: String(c.workers.ingestConcurrency),
    SUMMARIZE_CONCURRENCY: String(c.workers.summarizeConcurrency),
    SHUTDOWN_TIMEOUT_MS: String(c.workers.shutdownTimeoutMs),
    MAX_TEXT_BYTES: String(c.limits.maxTextBytes),
    MAX_PDF_BYTES: String(c.limits.maxPdfBytes),
    FULLTEXT_BUDGET_CHARS: String(c.limits.fullTextBudgetChars),
    NCBI_EUTILS_URL: c.sources.ncbiUrl,
    NCBI_API_KEY: c.sources.ncbiApiKey,
    CROSSREF_API_URL: c.sources.crossrefUrl,
    EUROPEPMC_API_URL: c.sources.europePmcUrl,
    CONTACT_EMAIL: c.sources.contactEmail,
    HTTP_TIMEOUT_MS: String(c.sources.httpTimeoutMs),
    HTTP_ATTEMPTS: String(c.sources.httpAttempts),
    PORT: String(c.http.port),
    PUBLIC_BASE_URL: c.http.publicBaseUrl,
    AUTO_PUBLISH: String(c.http.autoPublish),
    DISCLAIMER_TEXT: c.site.disclaimer,
    LOG_LEVEL: c.log.level,
    LOG_FORMAT: c.log.format,
    SITE_AUDIENCE: c.site.audience,
    SITE_FOCUS: c.site.focus.join(', ') || undefined,
    SITE_HOUSE_RULES: c.site.houseRules ?? undefined,
    READING_TARGET_GRADE: String(c.site.readingTargetGrade),
  };
}
