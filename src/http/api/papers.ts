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
  const { maxPdfBytes, maxJsonBytes } = deps.config.limits;
  const pdfLimit = limitBody(maxPdfBytes + MULTIPART_OVERHEAD);
  // JSON carries pasted text (MAX_TEXT_BYTES) or an id: its own, smaller limit, checked while reading.
  const jsonLimit = limitBody(
    maxJsonBytes,
    'A JSON body carries the title and abstract or an identifier: paste only the abstract, send the PDF as multipart/form-data, or raise MAX_JSON_BYTES.',
  );
  const isMultipart = (type: string | undefined) => /^multipart\/form-data/i.test(type ?? '');
  app.post(
    '/',
    requirePermission('submit'),
    (c, next) => (isMultipart(c.req.header('content-type')) ? pdfLimit(c, next) : jsonLimit(c, next)),
    async (c) => {
      const user = currentUser(c);
      const multipart = isMultipart(c.req.header('content-type'));
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
