/** `POST /api/papers`: submit a paper as JSON ({text,title} | {pmid} | {doi}) or a multipart PDF upload. */
import { Hono } from 'hono';
import { submitPaper } from '../../intake/submit.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import { type SubmitFields, submitRequestFrom } from '../submit-input.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { readJson } from './body.ts';

/** Room for multipart framing around the largest PDF we accept. */
const MULTIPART_OVERHEAD = 64 * 1024;

export function papersApi(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.post(
    '/',
    requirePermission('submit'),
    limitBody(deps.config.limits.maxPdfBytes + MULTIPART_OVERHEAD),
    async (c) => {
      const user = currentUser(c);
      const multipart = /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
      const fields = multipart ? ((await c.req.parseBody()) as SubmitFields) : await readJson(c);
      const request = await submitRequestFrom(isObject(fields) ? fields : {});
      const result = await submitPaper(deps, request, { actor: `api:${user.name}` });
      return c.json({ ...result, duplicate: !result.created }, result.created ? 201 : 200);
    },
  );
  return app;
}

function isObject(value: unknown): value is SubmitFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
