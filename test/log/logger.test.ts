/**
 * The logger every process uses: JSON lines at LOG_LEVEL, human-readable on a
 * terminal, and no secret in either, whether it sits in a field, a message,
 * an error's message, stack or cause, or a URL.
 */
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.ts';
import { createLogger, type LogDestination } from '../../src/log/logger.ts';

const API_KEY = 'sk-proj-Zq81Lm0PqRt2vWx9Yb4N';
const NCBI_KEY = 'ncbi0c7e5d9a1b2f4e6d8c';
const BEARER = 'lsm_4hQ2-xW9kLm3Np7Rt5Vz1Bc8Df6Gh0Jk2Lm4Np6Qr';
const SESSION = 'Sx7Kq2Lm9Pw4Rt8Vz1Bn5Cd3';
const PASSWORD = 'hunter2-Redis-pw';
const SECRETS = [API_KEY, NCBI_KEY, BEARER, SESSION, PASSWORD];

function capture(env: Record<string, string> = {}, tty = false) {
  const lines: string[] = [];
  const destination: LogDestination = { write: (line) => lines.push(line), isTTY: tty };
  const config = parseEnv({ OPENAI_API_KEY: API_KEY, NCBI_API_KEY: NCBI_KEY, ...env });
  return { log: createLogger(config, { name: 'test', destination }), lines };
}

/** Everything a careless caller might hand the logger. */
function logSecrets(log: ReturnType<typeof capture>['log']): void {
  log.info(
    {
      headers: {
        authorization: `Bearer ${BEARER}`,
        cookie: `laysum_session=${SESSION}`,
        accept: 'text/html',
      },
      request: { options: { apiKey: API_KEY, password: PASSWORD } },
      env: { OPENAI_API_KEY: API_KEY, NCBI_API_KEY: NCBI_KEY },
      url: new URL(`redis://laysum:${PASSWORD}@redis.internal:6379/0`),
      note: `sent Authorization: Bearer ${BEARER} with Cookie: laysum_session=${SESSION}`,
    },
    `calling https://eutils.example/efetch.fcgi?db=pubmed&api_key=${NCBI_KEY} as ${API_KEY}`,
  );
  const cause = new Error(`connect to redis://default:${PASSWORD}@10.0.0.5:6379 refused`);
  const err = new Error(`401 Incorrect API key provided: ${API_KEY}\n${API_KEY.slice(0, 12)}-second-line`, {
    cause,
  });
  log.error(err);
  log.error({ err, token: BEARER }, 'unexpected error');
  log.warn('retrying %s with %o', `Bearer ${BEARER}`, { key: API_KEY });
}

describe('the logger', () => {
  for (const [format, tty] of [
    ['json', false],
    ['pretty', true],
  ] as const) {
    it(`keeps API keys, bearer tokens, session cookies and URL passwords out of ${format} output`, () => {
      const { log, lines } = capture({ LOG_FORMAT: format }, tty);
      logSecrets(log);
      const output = lines.join('');
      expect(lines).toHaveLength(4);
      for (const secret of SECRETS) expect(output).not.toContain(secret);
      // What is not secret is still there for the reader.
      expect(output).toContain('401 Incorrect API key provided');
      expect(output).toContain('redis://***@10.0.0.5:6379 refused');
    });
  }

  it('censors secret fields by name and keeps the rest of the line', () => {
    const { log, lines } = capture();
    logSecrets(log);
    const first = JSON.parse(lines[0] ?? '{}');
    expect(first).toMatchObject({
      level: 'info',
      name: 'test',
      headers: { authorization: '[Redacted]', cookie: '[Redacted]', accept: 'text/html' },
      request: { options: { apiKey: '[Redacted]', password: '[Redacted]' } },
      env: { OPENAI_API_KEY: '[Redacted]', NCBI_API_KEY: '[Redacted]' },
      url: 'redis://***@redis.internal:6379/0',
    });
    expect(first.msg).toBe('calling https://eutils.example/efetch.fcgi?db=pubmed&api_key=*** as ***');
    const error = JSON.parse(lines[1] ?? '{}');
    expect(error.err).toMatchObject({
      type: 'Error',
      cause: { message: expect.stringContaining('refused') },
    });
    expect(error.err.stack).toMatch(/^Error: 401 Incorrect API key provided: \*\*\*/);
    expect(error.msg).toMatch(/^401 Incorrect API key provided: \*\*\*/);
  });

  it('leaves the objects it was given unchanged', () => {
    const { log } = capture();
    const fields = { headers: { authorization: `Bearer ${BEARER}` }, note: API_KEY };
    log.info(fields, 'x');
    expect(fields).toEqual({ headers: { authorization: `Bearer ${BEARER}` }, note: API_KEY });
  });

  it('honours LOG_LEVEL', () => {
    const warn = capture({ LOG_LEVEL: 'warn' });
    warn.log.debug('d');
    warn.log.info('i');
    warn.log.warn('w');
    warn.log.error('e');
    expect(warn.lines.map((l) => JSON.parse(l).level)).toEqual(['warn', 'error']);
    const silent = capture({ LOG_LEVEL: 'silent' });
    silent.log.error('e');
    expect(silent.lines).toEqual([]);
    const debug = capture({ LOG_LEVEL: 'debug' });
    debug.log.debug('d');
    expect(debug.lines).toHaveLength(1);
  });

  it('writes JSON lines off a terminal and readable lines on one (LOG_FORMAT=auto)', () => {
    const piped = capture({}, false);
    piped.log.info({ paperId: 'p1' }, 'drafted');
    expect(JSON.parse(piped.lines[0] ?? '')).toMatchObject({ level: 'info', paperId: 'p1', msg: 'drafted' });
    expect(piped.lines[0]).toMatch(/\n$/);

    const terminal = capture({}, true);
    terminal.log.info({ paperId: 'p1' }, 'drafted');
    terminal.log.error(new Error('boom'), 'failed');
    const [info, error] = terminal.lines.map(stripVTControlCharacters);
    expect(info).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO \(test\): drafted\n$/);
    expect(error).toMatch(/^\[[\d:.]+\] ERROR \(test\): failed\n {4}Error: boom\n {8}at /);

    const forced = capture({ LOG_FORMAT: 'json' }, true);
    forced.log.info('x');
    expect(JSON.parse(forced.lines[0] ?? '')).toMatchObject({ msg: 'x' });
  });

  it('colours terminal lines, unless NO_COLOR is set', () => {
    const coloured = capture({}, true);
    coloured.log.warn('Redis is slow');
    expect(coloured.lines.join('')).toContain('\u001b[');
    const plain = capture({ NO_COLOR: '1' }, true);
    plain.log.warn('Redis is slow');
    expect(plain.lines.join('')).not.toContain('\u001b[');
    expect(plain.lines.join('')).toContain('Redis is slow');
  });
});
