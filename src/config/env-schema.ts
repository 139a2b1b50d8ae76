/**
 * The environment variables LaySum reads, one line each, validated with zod:
 * what `.env.example` documents. Where each one goes in the config is the
 * transform in ./env.ts.
 */
import { isIP } from 'node:net';
import { z } from 'zod';
import { isClusterUrl, parseClusterNodes, parseClusterUrl } from './redis-target.ts';

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

export interface AllowPrivate {
  hosts: string[];
  ranges: { address: string; prefix: number; family: 'ipv4' | 'ipv6' }[];
}

/**
 * FETCH_ALLOW_PRIVATE: hosts and address ranges a watched feed or a webhook may
 * reach although they are internal (src/net/destinations.ts), e.g.
 * `feeds.intranet.example,10.20.0.0/16,fd00::/8`. The list, or the first entry
 * that is none of these.
 */
export function parseAllowPrivate(text: string): AllowPrivate | { bad: string } {
  const list: AllowPrivate = { hosts: [], ranges: [] };
  for (const raw of text.split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    const [address = '', bits] = entry.split('/');
    const version = isIP(address);
    const max = version === 6 ? 128 : 32;
    const prefix = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : -1;
    if (version && prefix >= 0 && prefix <= max)
      list.ranges.push({ address, prefix, family: version === 6 ? 'ipv6' : 'ipv4' });
    else if (!bits && HOST_NAME.test(entry)) list.hosts.push(entry.replace(/\.$/, ''));
    else return { bad: raw.trim() };
  }
  return list;
}

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/;

function serverUrlProblem(url: string): string | null {
  const ok = z.url({ protocol: /^rediss?$/ }).safeParse(url).success;
  return ok
    ? null
    : 'must be a redis:// or rediss:// URL, or redis+cluster://host:port,host:port for a Redis Cluster';
}

function clusterUrlProblem(url: string): string | null {
  const parsed = parseClusterUrl(url);
  return 'problem' in parsed ? parsed.problem : null;
}

/** How a structured reply can be asked for, strictest first (src/summarize/output-modes.ts). */
export const OUTPUT_MODES = ['json_schema', 'json_object', 'tools'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export const EnvSchema = z.object({
  /** One server (redis://, rediss://) or a Redis Cluster (redis+cluster://host:port,host:port): ./redis-target.ts. */
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6379')
    .superRefine((url, ctx) => {
      const problem = isClusterUrl(url) ? clusterUrlProblem(url) : serverUrlProblem(url);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** A Redis Cluster's nodes, `host:port,host:port` (any of them: the rest are discovered). */
  REDIS_CLUSTER_NODES: optional.superRefine((text, ctx) => {
    const nodes = text === undefined ? [] : parseClusterNodes(text);
    if ('bad' in nodes)
      ctx.addIssue({
        code: 'custom',
        message: `"${nodes.bad}" is not a host:port node: give the nodes as host:port,host:port (e.g. 10.0.0.5:7000,10.0.0.6:7000)`,
      });
  }),
  LAYSUM_PREFIX: z
    .string()
    .regex(
      /^(?=.{1,64}$)[A-Za-z0-9_.-]*(\{[A-Za-z0-9_.-]+\})?[A-Za-z0-9_.-]*$/,
      'use 1-64 letters, digits, "_", "." or "-" (no ":"), with at most one {hash tag} for a Redis Cluster, e.g. laysum or {laysum}',
    )
    .default('laysum'),
  /** PostgreSQL for the system of record (papers, drafts, decisions, publications, the audit log); unset: Redis. */
  DATABASE_URL: optional.pipe(
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  REDIS_ALLOW_EVICTION: bool(false),
  REDIS_POLICY_CHECK_MS: int(10_000, 100),

  LLM_PROVIDER: z.enum(['openai', 'extractive']).optional(),
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: optional.pipe(
    z
      .url({ protocol: /^https?$/ })
      .refine((u) => !new URL(u).username && !new URL(u).password, {
        message:
          'must not hold a user name or password (the OpenAI client refuses credentials in a URL and every call would fail): give the key in OPENAI_API_KEY, or put a proxy that adds the credentials in front of the server',
      })
      .optional(),
  ),
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
  LLM_OUTPUT_MODE: z.enum(['auto', ...OUTPUT_MODES]).default('auto'),
  LLM_FALLBACK_MODELS: optional,
  LLM_VERIFY: bool(false),
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
  /** The address METRICS_PORT listens on: loopback unless a scraper elsewhere needs it (then set METRICS_TOKEN too). */
  METRICS_HOST: optional.pipe(z.string().min(1).default('127.0.0.1')),

  INGEST_CONCURRENCY: int(4, 1),
  /** Unset: sized from LLM_RPM / LLM_TPM and the latency when either is set (src/summarize/auto-concurrency.ts), else 4. */
  SUMMARIZE_CONCURRENCY: optional.pipe(wholeNumber(1)),
  PDF_THREADS: int(2, 1),
  SHUTDOWN_TIMEOUT_MS: int(30_000, 100),
  SWEEP_INTERVAL_MS: int(60_000, 1000),
  /** PostgreSQL records: how often, and after how long, audit entries a write could not send to the stream are sent. */
  AUDIT_CATCHUP_MS: int(5_000, 100),
  JOB_LOCK_MS: int(30_000, 1000),
  WORKER_HEARTBEAT_MS: int(10_000, 500),

  MAX_TEXT_BYTES: int(200_000, 100),
  MAX_PDF_BYTES: int(25_000_000, 1000),
  MAX_JSON_BYTES: int(1_000_000, 1000),
  MAX_BATCH_ITEMS: int(5_000, 1),
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

  FETCH_ALLOW_PRIVATE: z
    .string()
    .default('')
    .superRefine((text, ctx) => {
      const parsed = parseAllowPrivate(text);
      if ('bad' in parsed)
        ctx.addIssue({
          code: 'custom',
          message: `"${parsed.bad}" is not a host name, an IP address or a CIDR range (e.g. feeds.intranet.example, 10.20.0.5, 10.20.0.0/16, fd00::/8)`,
        });
    }),

  WEBHOOK_ATTEMPTS: int(60, 1),
  WEBHOOK_BACKOFF_MS: int(10_000, 1),
  WEBHOOK_MAX_BACKOFF_MS: int(3_600_000, 1),
  WEBHOOK_GIVE_UP_AFTER_S: int(86_400, 1),
  WEBHOOK_TIMEOUT_MS: int(10_000, 100),
  WEBHOOK_KEEP_DAYS: int(30, 1),
  WEBHOOK_SECRET_GRACE_S: int(86_400, 0),
  WEBHOOK_LEGACY_HEADERS: bool(true),

  PORT: int(3000, 0),
  READYZ_GRACE_MS: int(10_000, 0),
  /** Default: http://localhost:PORT (src/config/env.ts: publicBaseUrl). */
  PUBLIC_BASE_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TRUST_PROXY: bool(false),
  SIGNIN_MAX_FAILURES: int(10, 1),
  SIGNIN_FAILURE_WINDOW_S: int(900, 1),
  SIGNIN_ACCOUNT_MAX_FAILURES: int(10, 1),
  RESET_LINK_TTL_S: int(86_400, 1),
  OIDC_ISSUER: optional.pipe(z.url({ protocol: /^https?$/, error: 'must be an https:// URL' }).optional()),
  OIDC_CLIENT_ID: optional,
  OIDC_CLIENT_SECRET: optional,
  OIDC_REDIRECT_URL: optional.pipe(z.url({ protocol: /^https?$/ }).optional()),
  OIDC_SCOPES: z.string().default('openid email profile'),
  OIDC_ROLE_CLAIM: optional,
  OIDC_ROLE_MAP: optional,
  OIDC_LABEL: z.string().min(1).default('Sign in with single sign-on'),
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
  SITE_NAME: z.string().trim().min(1).max(80).default('LaySum'),
  SITE_ABOUT: optional.pipe(z.string().max(1000, 'keep it short: at most 1000 characters').optional()),
  SITE_LOCALE: z
    .string()
    .default('en-US')
    .refine((l) => {
      try {
        return Intl.DateTimeFormat.supportedLocalesOf(l).length > 0;
      } catch {
        return false;
      }
    }, 'must be a locale this Node.js knows, e.g. en-US, en-GB, fr-FR'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['auto', 'json', 'pretty']).default('auto'),
  /** https://no-color.org: set (to anything) to keep colour out of terminal output. */
  NO_COLOR: optional,

  SITE_AUDIENCE: z.string().min(3).default('patients, caregivers and the general public'),
  SITE_FOCUS: optional,
  SITE_HOUSE_RULES: optional,
  READING_TARGET_GRADE: z.coerce.number().min(3).max(16).default(8),
});
/** The variables as parsed: what `withOverrides` starts from. */
export type Env = z.output<typeof EnvSchema>;
export type EnvName = keyof Env;

/** Where the pages are reached: PUBLIC_BASE_URL, else this machine on PORT (so PORT=8080 alone links to :8080). */
export function publicBaseUrl(env: Pick<Env, 'PUBLIC_BASE_URL' | 'PORT'>): string {
  return (env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
}
