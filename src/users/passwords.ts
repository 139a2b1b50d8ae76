/**
 * Password hashing with scrypt from node:crypto: a random salt per password,
 * the cost parameters stored with the hash (so they can be raised later
 * without breaking old hashes), and a constant-time comparison. An unknown
 * account is checked against a dummy hash, so the answer takes as long as
 * for a real one and does not tell which names exist.
 */
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from 'node:crypto';
import { InputError } from '../errors/input-error.ts';

/** N = 2^15, r = 8, p = 3: one of OWASP's recommended scrypt settings, 32 MiB and about 0.1-0.3 s per check. */
const COST = { N: 2 ** 15, r: 8, p: 3 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$key` (salt and key base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

let dummy: Promise<string> | undefined;

/** Whether `password` matches `stored`; with no stored hash, the same work is done and the answer is false. */
export async function verifyPassword(password: string, stored: string | undefined): Promise<boolean> {
  const parts = (stored ?? '').split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') {
    dummy ??= hashPassword('not a password of anyone');
    await verifyPassword(password, await dummy);
    return false;
  }
  const [, n, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  const actual = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The rules a new password must meet; the message says which one it broke and what to do. */
export function assertPasswordRules(password: string, name: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN)
    throw new InputError(`The password is too short (${length} characters).`, {
      hint: `Use at least ${PASSWORD_MIN} characters: a few unrelated words make a long password that is easy to remember.`,
    });
  if (length > PASSWORD_MAX)
    throw new InputError(`The password is too long (${length} characters).`, {
      hint: `Use at most ${PASSWORD_MAX} characters.`,
    });
  if (password.trim().toLowerCase() === name.toLowerCase())
    throw new InputError('The password is your user name.', { hint: 'Choose a password nobody can guess.' });
}
