/**
 * API tokens and session ids: random bytes shown once, stored only as a
 * SHA-256 hash, compared in constant time. A token names its account
 * (`lsm_NAME.SECRET`), so failed attempts can be counted per account before
 * anything is looked up; tokens issued before that (`lsm_SECRET`) name none
 * and still work until they are reissued.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const TOKEN_PREFIX = 'lsm_';
/** Longer input than any token we issue is refused before hashing. */
const MAX_TOKEN_LENGTH = 200;

/** A new token for the account `name`: `lsm_NAME.SECRET`, 256 random bits. */
export function newToken(name: string): string {
  return `${TOKEN_PREFIX}${name}.${randomBytes(32).toString('base64url')}`;
}

const NAMED = /^lsm_([A-Za-z0-9][A-Za-z0-9_.-]{0,63})\.[A-Za-z0-9_-]{43}$/;

/** The account a token names, or null for a token of the older form (or no token at all). */
export function tokenAccount(token: string): string | null {
  return NAMED.exec(token)?.[1] ?? null;
}

/** A random opaque value for session ids and CSRF tokens. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function plausibleToken(token: string): boolean {
  return token.length > 0 && token.length <= MAX_TOKEN_LENGTH && /^[A-Za-z0-9_.-]+$/.test(token);
}

/** Constant-time equality for hashes and CSRF tokens. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
