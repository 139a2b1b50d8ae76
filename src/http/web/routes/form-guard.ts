/**
 * What every desk form post goes through: signed in (401), CSRF token (403),
 * role (403); and which refusals go back onto the page as a banner.
 */
import type { Context } from 'hono';
import { LaySumError } from '../../../errors/laysum-error.ts';
import type { Permission } from '../../../users/roles.ts';
import type { StoredUser } from '../../../users/store.ts';
import { assertCan } from '../../auth.ts';
import { assertFormCsrf, CSRF_FIELD } from '../../csrf.ts';
import { errorBody, HttpError, statusOf, unauthorized } from '../../errors.ts';
import type { AppEnv } from '../../types.ts';

export type Form = Record<string, unknown>;

/** Signed in, CSRF token, role: the checks every desk form post passes. */
export async function guardedForm(
  c: Context<AppEnv>,
  permission: Permission,
  options: { all?: boolean } = {},
): Promise<{ user: StoredUser; body: Form }> {
  const user = c.get('user');
  if (!user) throw unauthorized(true);
  const body = (await c.req.parseBody(options.all ? { all: true } : {})) as Form;
  assertFormCsrf(c, body[CSRF_FIELD]);
  return { user: assertCan(user, permission, true), body };
}

/** Errors a reviewer can fix (bad input, stale version, wrong state) go back onto the page. */
export function fixable(err: unknown): err is LaySumError {
  return err instanceof LaySumError && !(err instanceof HttpError) && statusOf(err) !== 500;
}

export function bannerFor(err: LaySumError) {
  const body = errorBody(err);
  return { kind: 'error' as const, text: body.error, hint: body.hint };
}

/** A form post made by the desk's script (fetch) rather than by the browser: it wants JSON back. */
export function wantsJson(c: Context<AppEnv>): boolean {
  return (c.req.header('accept') ?? '').startsWith('application/json');
}
