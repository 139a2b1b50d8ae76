/**
 * The logger every LaySum process uses (`laysum worker`, `laysum serve`, the
 * demo): pino, JSON lines on stderr at LOG_LEVEL, or human-readable lines
 * when stderr is a terminal (LOG_FORMAT). Secrets are redacted by
 * configuration (src/log/redact.ts) before a line is written, in both formats.
 * Child loggers' bindings get the field redaction but not the free-text
 * scrubbing: bind ids and names to a child, pass messages and errors per line.
 *
 * Pretty output is pino-pretty's formatter called in-line, not a transport: a
 * transport runs in a worker thread, which slows start-up and can lose the
 * last lines when a process exits; here every line is written synchronously.
 */
import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';
import { prettyFactory } from 'pino-pretty';
import type { Config } from '../config/env.ts';
import { censorSecretFields, scrub } from './redact.ts';

export type { Logger } from 'pino';

/** What the logger reads from the config: LOG_LEVEL, LOG_FORMAT, and the secrets it scrubs wherever they appear. */
export type LoggerConfig = {
  log: Omit<Config['log'], 'noColor'> & { noColor?: boolean };
  llm: Pick<Config['llm'], 'apiKey'>;
  sources: Pick<Config['sources'], 'ncbiApiKey'>;
  metrics?: Pick<Config['metrics'], 'token'>;
  oidc?: Pick<NonNullable<Config['oidc']>, 'clientSecret'> | null;
};

/** Where lines go: stderr, or anything with `write` (tests capture lines this way). */
export interface LogDestination {
  write(line: string): unknown;
  isTTY?: boolean;
}

export interface CreateLoggerOptions {
  /** The process, on every line: `worker`, `serve`, `demo`. */
  name?: string;
  destination?: LogDestination;
}

export function createLogger(config: LoggerConfig, options: CreateLoggerOptions = {}): Logger {
  const out = options.destination ?? process.stderr;
  const secrets = [
    config.llm.apiKey,
    config.sources.ncbiApiKey,
    config.metrics?.token,
    config.oidc?.clientSecret,
  ].filter((s): s is string => Boolean(s));
  const pretty = config.log.format === 'pretty' || (config.log.format === 'auto' && out.isTTY === true);
  const colour = out.isTTY === true && config.log.noColor !== true;
  return pino(settings(config, secrets, options.name), pretty ? prettyStream(out, colour) : jsonStream(out));
}

function settings(config: LoggerConfig, secrets: string[], name: string | undefined): LoggerOptions {
  return {
    level: config.log.level,
    ...(name ? { name } : {}),
    timestamp: pino.stdTimeFunctions.isoTime,
    // Errors are already plain, scrubbed records (below): pino's serializer would re-wrap them as `Object`.
    serializers: { err: (value: unknown) => value },
    formatters: { level: (label) => ({ level: label }) },
    hooks: {
      logMethod(args, method) {
        Reflect.apply(method, this, scrubArgs(args, secrets));
      },
    },
  };
}

/**
 * Every argument scrubbed of secrets in free text, and the line's object of secret fields. An Error given first goes
 * under `err`, as pino would put it; pino then takes the (scrubbed) error
 * message as the line's message when none is given.
 */
function scrubArgs(args: readonly unknown[], secrets: readonly string[]): unknown[] {
  const [first, ...rest] = args;
  const head = first instanceof Error ? { err: first } : first;
  // Secret fields of the line's object are censored here, as pino's `redact` would (./redact.ts).
  return [censorSecretFields(scrub(head, secrets)), ...rest.map((arg) => scrub(arg, secrets))];
}

function jsonStream(out: LogDestination): DestinationStream {
  return { write: (line) => void out.write(line) };
}

function prettyStream(out: LogDestination, colour: boolean): DestinationStream {
  const prettify = prettyFactory({
    colorize: colour,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
    // The message says what happened; the other fields are for machines (LOG_FORMAT=json).
    hideObject: true,
    messageFormat: (log, messageKey) => withStack(String(log[messageKey] ?? ''), log.err),
  });
  return { write: (line) => void out.write(prettify(line)) };
}

/** A message followed by its error's stack and the messages of the errors that caused it, indented. */
function withStack(message: string, err: unknown): string {
  const lines = [message];
  for (let e = record(err), depth = 0; e && depth < 5; e = record(e.cause), depth++) {
    const text = depth === 0 ? (e.stack ?? e.message) : `caused by: ${String(e.message)}`;
    if (typeof text === 'string') lines.push(...text.split('\n').map((l) => `    ${l}`));
  }
  return lines.join('\n');
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
}
