/** `POST /api/papers`: submit a paper as JSON ({text,title} | {pmid} | {doi}) or a multipart PDF upload. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { PaperState } from '../../domain/state.ts';
import { SubmitFieldsShape } from '../../domain/submission.ts';
import { submitPaper } from '../../intake/submit.ts';
import { currentUser, requirePermission } from '../auth.ts';
import { limitBody } from '../middleware.ts';
import { type SubmitFields, submitError, submitRequestFrom } from '../submit-input.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { readJson } from './body.ts';
import { apiRouter, authErrors, errors, failWith, json } from './route-kit.ts';

/** Room for multipart framing around the largest PDF we accept. */
const MULTIPART_OVERHEAD = 64 * 1024;

const SubmitBody = SubmitFieldsShape.omit({ pdf: true })
  .openapi({
    description:
      'Exactly one of `text` (with an optional `title` and `journal`), `pmid` or `doi`; blank fields count as not given.',
  })
  .openapi('SubmitBody');

const SubmitResult = z
  .object({
    id: z.string(),
    created: z.boolean().openapi({ description: 'false: the paper was already known' }),
    duplicate: z.boolean(),
    state: PaperState,
  })
  .openapi('SubmitResult');

const submit = createRoute({
  method: 'post',
  path: '/',
  operationId: 'submitPaper',
  summary:
    'Submit a paper (editor, admin). A paper already known returns its id with 200 and duplicate: true.',
  request: {
    // Not `required` for the validator: a multipart upload carries no JSON body.
    body: {
      required: false,
      content: {
        'application/json': { schema: SubmitBody },
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { pdf: { type: 'string', format: 'binary' } },
            required: ['pdf'],
          },
        },
      },
    },
  },
  responses: {
    201: json(SubmitResult, 'Queued'),
    200: json(SubmitResult, 'Already known (duplicate: true); nothing new was queued'),
    ...errors({
      400: 'Invalid input (not a PMID, empty text, control characters, an XML/HTML document pasted as text, not a PDF...)',
      413: 'Body over the size limit (JSON: MAX_JSON_BYTES; multipart: MAX_PDF_BYTES)',
    }),
    ...authErrors,
  },
});

const isMultipart = (type: string | undefined) => /^multipart\/form-data/i.test(type ?? '');

export function papersApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  const { maxPdfBytes, maxJsonBytes } = deps.config.limits;
  const pdfLimit = limitBody(maxPdfBytes + MULTIPART_OVERHEAD);
  // JSON carries pasted text (MAX_TEXT_BYTES) or an id: its own, smaller limit, checked while reading.
  const jsonLimit = limitBody(
    maxJsonBytes,
    'A JSON body carries the title and abstract or an identifier: paste only the abstract, send the PDF as multipart/form-data, or raise MAX_JSON_BYTES.',
  );
  // A PDF upload has its own limit; a JSON body is refused unless it is JSON (and valid) before the schema sees it.
  const bodyGate: MiddlewareHandler<AppEnv> = (c, next) =>
    isMultipart(c.req.header('content-type'))
      ? pdfLimit(c, next)
      : jsonLimit(c, async () => {
          await readJson(c);
          await next();
        });
  app.openapi(
    { ...submit, middleware: [requirePermission('submit'), bodyGate] },
    async (c) => {
      const user = currentUser(c);
      // The JSON body passed SubmitBody already (the validator); a multipart form is read here.
      const fields: unknown = isMultipart(c.req.header('content-type'))
        ? await c.req.parseBody()
        : await c.req.json();
      const request = await submitRequestFrom(isObject(fields) ? fields : {});
      const result = await submitPaper(deps, request, { actor: `api:${user.name}` });
      return c.json({ ...result, duplicate: !result.created }, result.created ? 201 : 200);
    },
    submitHook,
  );
  return app;
}

/** A JSON body of the wrong types: the same 400 as a form with them (../submit-input.ts). */
const submitHook = failWith(submitError);

function isObject(value: unknown): value is SubmitFields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
