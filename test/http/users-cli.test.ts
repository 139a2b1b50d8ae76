/**
 * Accounts from the command line (`users add|list|remove`) and `serve` as a
 * real process: the token is printed once and only its hash is stored; the
 * server answers on PORT and stops cleanly on SIGTERM.
 */
import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisUsers } from '../../src/store/users.ts';
import { ResetLinks } from '../../src/users/reset-links.ts';
import { UserStore } from '../../src/users/store.ts';
import { spawnCli } from '../support/cli.ts';
import { REDIS_URL, removePrefix, testPrefix } from '../support/harness.ts';

const prefix = testPrefix();
const env = {
  REDIS_URL,
  LAYSUM_PREFIX: prefix,
  LLM_PROVIDER: 'extractive',
};
const redis = new Redis(REDIS_URL);

afterAll(async () => {
  await removePrefix(redis, prefix);
  await redis.quit();
});

function run(args: string[], extraEnv: Record<string, string> = {}) {
  const proc = spawnCli(args, { ...env, ...extraEnv });
  return { child: proc.child, done: proc.done, output: proc.stderr };
}

describe('laysum users', () => {
  it('adds an account, prints its token once, stores only the hash, lists and removes it', async () => {
    const added = await run(['users', 'add', 'dana', '--role', 'reviewer']).done;
    expect(added.code, added.stderr).toBe(0);
    const token = added.stdout.trim();
    // The token names its account, so failed guesses at it are counted per account.
    expect(token).toMatch(/^lsm_dana\.[A-Za-z0-9_-]{43}$/);
    expect(added.stderr).toMatch(/shown only once/);
    const stored = await redis.hgetall(`${prefix}:user:dana`);
    const hash = createHash('sha256').update(token).digest('hex');
    expect(stored).toMatchObject({ role: 'reviewer', namedTokenHash: hash });
    expect(JSON.stringify(stored)).not.toContain(token);

    const list = await run(['users', 'list', '--json']).done;
    expect(JSON.parse(list.stdout)).toEqual([
      {
        name: 'dana',
        role: 'reviewer',
        createdAt: expect.any(String),
        email: null,
        password: false,
        token: 'named',
        sso: false,
      },
    ]);
    expect(list.stdout).not.toContain(token);

    const twice = await run(['users', 'add', 'dana', '--role', 'admin']).done;
    expect(twice.code).not.toBe(0);
    expect(twice.stderr).toMatch(/already exists/);
    const badRole = await run(['users', 'add', 'sam', '--role', 'owner']).done;
    expect(badRole.stderr).toMatch(/Unknown role "owner"[\s\S]*editor, reviewer, admin/);

    const role = await run(['users', 'role', 'dana', 'admin']).done;
    expect(role.stdout).toContain('dana is now admin.');
    expect(await redis.hget(`${prefix}:user:dana`, 'role')).toBe('admin');
    expect((await run(['users', 'role', 'dana', 'owner']).done).stderr).toMatch(/Unknown role "owner"/);

    expect((await run(['users', 'remove', 'dana']).done).stdout).toContain('Removed dana.');
    expect(await redis.exists(`${prefix}:user:dana`)).toBe(0);
    const missing = await run(['users', 'remove', 'dana']).done;
    expect(missing.stderr).toMatch(/No user with id "dana"/);
  });
});

describe('laysum users: emails, new tokens and password links', () => {
  it('sets an email, reissues a token (the old one stops), prints a one-time link that sets a password', async () => {
    const added = await run(['users', 'add', 'lee', '--role', 'editor', '--email', 'Lee@Team.example']).done;
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toMatch(/laysum users reset lee/);
    const first = added.stdout.trim();
    const users = new UserStore(new RedisUsers(redis, prefix));
    expect(await users.get('lee')).toMatchObject({ email: 'lee@team.example' });
    expect((await run(['users', 'email', 'lee', 'lee@other.example']).done).stdout).toContain(
      'lee signs in as lee@other.example too.',
    );

    const reissued = await run(['users', 'token', 'lee']).done;
    expect(reissued.code, reissued.stderr).toBe(0);
    const second = reissued.stdout.trim();
    expect(second).toMatch(/^lsm_lee\./);
    expect(reissued.stderr).toMatch(/The old token and its desk sessions no longer work/);
    expect(await users.authenticate(first)).toBeNull();
    expect(await users.authenticate(second)).toMatchObject({ name: 'lee' });

    const reset = await run(['users', 'reset', 'lee']).done;
    expect(reset.code, reset.stderr).toBe(0);
    const link = new URL(reset.stdout.trim());
    expect(link.pathname).toBe('/login/reset');
    expect(reset.stderr).toMatch(/One-time link for "lee" to set a password, until \d{4}-/);
    const links = new ResetLinks(users, 'http://localhost:3000', 60);
    const secret = link.searchParams.get('token') ?? '';
    expect(await links.use(secret, 'lee has a long password now')).toMatchObject({
      name: 'lee',
      password: true,
    });
    expect(await users.checkPassword('lee', 'lee has a long password now')).toMatchObject({ name: 'lee' });
    expect(await links.use(secret, 'and tries it a second time')).toBeNull();
    // `serve` below starts with no accounts.
    await users.remove('lee');
  });
});

describe('laysum serve', () => {
  it('listens on PORT, serves the app, and on SIGTERM answers /readyz 503 while still serving, then stops', async () => {
    const server = run(['serve', '--host', '127.0.0.1'], { PORT: '0', READYZ_GRACE_MS: '6000' });
    let port = '';
    for (let i = 0; i < 200 && !port; i++) {
      await new Promise((r) => setTimeout(r, 50));
      port = /serving on port (\d+)/.exec(server.output())?.[1] ?? '';
    }
    expect(port, server.output()).not.toBe('');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toEqual({ ok: true, redis: 'up' });
    expect(server.output()).toMatch(/No accounts yet/);
    expect(server.output()).toMatch(/drafted and polled only while `laysum worker` runs/);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    let ready = 200;
    for (let i = 0; i < 250 && ready === 200; i++) {
      await new Promise((r) => setTimeout(r, 20));
      ready = (await fetch(`http://127.0.0.1:${port}/readyz`)).status;
    }
    // Taken out of rotation, but requests in flight and those still arriving are answered.
    expect(ready).toBe(503);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    expect(server.output()).toMatch(/SIGTERM: \/readyz answers 503 for 6000 ms/);
    const done = await server.done;
    expect(done.code, done.stderr).toBe(0);
  });
});
