/**
 * The Dockerfile, compose.yaml and the systemd units, read the way their
 * tools read them (no Docker engine runs here): a small image that installs
 * production packages only and runs as a user who is not root; Redis with
 * an append-only file and noeviction, one `serve` and two `worker`s; units
 * that run `serve` and `worker` as the laysum user. Every variable they set
 * is one LaySum reads, and every file they copy exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { EnvSchema } from '../../src/config/env-schema.ts';
import { PROJECT_ROOT } from '../../src/config/paths.ts';

const read = (path: string) => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const known = new Set(Object.keys(EnvSchema.shape));

/** Dockerfile instructions, continuation lines joined, comments dropped. */
function instructions(text: string): Array<{ op: string; args: string }> {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [op = '', ...rest] = l.split(/\s+/);
      return { op: op.toUpperCase(), args: rest.join(' ') };
    });
}

describe('Dockerfile', () => {
  const steps = instructions(read('Dockerfile'));
  const last = (op: string) => steps.filter((s) => s.op === op).at(-1)?.args ?? '';

  it('builds on Node 20 slim in two stages and installs production packages only', () => {
    const froms = steps.filter((s) => s.op === 'FROM').map((s) => s.args);
    expect(froms).toHaveLength(2);
    for (const f of froms) expect(f).toMatch(/^node:20(\.\d+)*-[a-z]+-slim\b/);
    const installs = steps.filter((s) => s.op === 'RUN' && /\bnpm\b/.test(s.args));
    expect(installs.map((s) => s.args)).toEqual([expect.stringMatching(/^npm ci --omit=dev\b/)]);
    for (const copy of steps.filter((s) => s.op === 'COPY' && !s.args.includes('--from'))) {
      const [, ...sources] = copy.args.split(/\s+/).reverse();
      for (const src of sources) expect(existsSync(join(PROJECT_ROOT, src)), src).toBe(true);
    }
  });

  it('runs as a user who is not root, serving on 3000 with a health check', () => {
    expect(last('USER')).toBe('node');
    expect(last('EXPOSE')).toBe('3000');
    expect(last('HEALTHCHECK')).toContain('/healthz');
    expect(JSON.parse(last('ENTRYPOINT'))).toEqual(['node', 'bin/laysum.js']);
    expect(JSON.parse(last('CMD'))).toEqual(['serve']);
  });

  it('keeps node_modules, dist and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const p of ['node_modules', 'dist', '.env', '.git']) expect(ignored).toContain(p);
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(read('compose.yaml')) as {
    services: Record<string, Record<string, unknown>>;
    volumes: Record<string, unknown>;
  };
  const { redis = {}, serve = {}, worker = {} } = compose.services;

  it('runs Redis with an append-only file and noeviction, on a volume', () => {
    const command = (redis.command as string[]).join(' ');
    expect(command).toMatch(/--appendonly yes/);
    expect(command).toMatch(/--maxmemory-policy noeviction/);
    expect(redis.volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes)).toContain('redis-data');
  });

  it('runs one serve and two workers from the image, pointed at that Redis', () => {
    expect(serve.command).toEqual(['serve']);
    expect(serve.ports).toEqual(['3000:3000']);
    expect(worker.command).toEqual(['worker']);
    expect((worker.deploy as { replicas: number }).replicas).toBe(2);
    expect(serve.image).toBe(worker.image);
    for (const s of [serve, worker]) {
      const env = s.environment as Record<string, string>;
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      for (const name of Object.keys(env)) expect(known, name).toContain(name);
      expect(s.depends_on).toMatchObject({ redis: { condition: 'service_healthy' } });
    }
    // Longer than the readiness grace period (READYZ_GRACE_MS, 10 s by default).
    expect(Number.parseInt(String(serve.stop_grace_period), 10)).toBeGreaterThan(10);
  });
});

/** A unit file as systemd reads it: sections of key=value lines. */
function unit(text: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let section = '';
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line || line.startsWith('#')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      section = header[1] ?? '';
      out[section] = {};
    } else {
      const [key = '', ...value] = line.split('=');
      const s = out[section];
      if (s) s[key] = value.join('=');
    }
  }
  return out;
}

describe('systemd units', () => {
  for (const [file, command] of [
    ['deploy/laysum-serve.service', 'serve'],
    ['deploy/laysum-worker@.service', 'worker'],
  ] as const) {
    it(`${file} runs laysum ${command} as the laysum user and restarts it`, () => {
      const u = unit(read(file));
      expect(u.Service?.ExecStart).toBe(`/usr/bin/node bin/laysum.js ${command}`);
      expect(u.Service?.User).toBe('laysum');
      expect(u.Service?.Restart).toBe('on-failure');
      expect(u.Service?.KillSignal).toBe('SIGTERM');
      expect(Number(u.Service?.TimeoutStopSec)).toBeGreaterThan(10);
      expect(u.Install?.WantedBy).toBe('multi-user.target');
    });
  }
});
