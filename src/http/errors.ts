/**
 * Errors as HTTP answers. Every error body is `{ error, hint }`: the message
 * says what was wrong, the hint what to do. Unexpected errors are logged and
 * answered with a generic 500 so no internals (or secrets) leak.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ClaimedError } from '../errors/claimed-error.ts';
import { ConflictError } from '../errors/conflict-error.ts';
import { InputError } from '../errors/input-error.ts';
import { LaySumError } from '../errors/laysum-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { RecordLostError } from '../errors/record-lost-error.ts';
import { StateError } from '../errors/state-error.ts';

/**
 * An HTTP-level refusal: not signed in (401), wrong role or bad CSRF token
 * (403), body too large (413), too many failed sign-ins (429), Redis away
 * (503); the last two say when to try again (`Retry-After`).
 */
export class HttpError extends LaySumError {
  constructor(
    readonly status: ContentfulStatusCode,
    message: string,
    hint?: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message, hint === undefined ? {} : { hint });
  }
}

export interface ErrorBody {
  error: string;
  hint: string | null;
}

export function statusOf(err: unknown): ContentfulStatusCode {
  if (err instanceof HttpError) return err.status;
  if (err instanceof InputError) return 400;
  if (err instanceof NotFoundError) return 404;
  if (err instanceof RecordLostError) return 410;
  if (err instanceof StateError || err instanceof ConflictError || err instanceof ClaimedError) return 409;
  return 500;
}

export function errorBody(err: unknown): ErrorBody {
  if (statusOf(err) === 500) {
    return {
      error: 'Something went wrong on the server.',
      hint: 'Try again; if it keeps failing, the server log has the details.',
    };
  }
  const e = err as LaySumError;
  return { error: e.message, hint: e.hint ?? null };
}

export const unauthorized = (web: boolean) =>
  new HttpError(
    401,
    'Sign in required.',
    web
      ? 'Sign in at /login with your token.'
      : 'Send `Authorization: Bearer TOKEN`; an admin creates tokens with `laysum users add NAME --role editor|reviewer|admin`.',
  );

export const badToken = () =>
  new HttpError(
    401,
    'The token is not valid: it is mistyped or its user was removed.',
    'Ask an admin for a new token (`laysum users add`).',
  );
