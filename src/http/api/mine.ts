/** `GET /api/mine`: the caller's own submissions with their states, newest first, a page at a time (as /desk/mine). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { PaperState } from '../../domain/state.ts';
import { mySubmissions } from '../../intake/mine.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, parsePage } from '../../review/queries.ts';
import { currentUser, requirePermission } from '../auth.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { apiRouter, authErrors, errors, json } from './route-kit.ts';

const MySubmissions = z
  .object({
    submissions: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        state: PaperState,
        reason: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
        publicPath: z.string().nullable().openapi({ description: 'The public page while it is live' }),
      }),
    ),
    total: z.number().int(),
    page: z.number().int(),
    limit: z.number().int(),
    pages: z.number().int(),
  })
  .openapi('MySubmissions');

const listMine = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listMySubmissions',
  summary: 'The papers you submitted, newest first, with their states (editor, admin; as /desk/mine)',
  request: {
    // Checked by parsePage (../../review/queries.ts), as on the desk: its 400s say what to use.
    query: z.object({
      page: z.string().optional().openapi({ description: 'Page number, from 1 (default 1)' }),
      limit: z
        .string()
        .optional()
        .openapi({ description: `Per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})` }),
    }),
  },
  middleware: requirePermission('read'),
  responses: {
    200: json(MySubmissions, 'One page of your submissions'),
    ...errors({ 400: 'A bad page or limit' }),
    ...authErrors,
  },
});

export function mineApi(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = apiRouter();
  app.openapi(listMine, async (c) => {
    const user = currentUser(c);
    const { page, limit } = parsePage(c.req.valid('query'));
    // Only the desk's page counts as a visit: an API client polling must not reset "changed".
    const mine = await mySubmissions(deps.store, user.name, {
      limit,
      offset: (page - 1) * limit,
      markVisit: false,
    });
    const pages = Math.max(1, Math.ceil(mine.total / limit));
    const submissions = mine.rows.map(({ changed: _, ...row }) => row);
    return c.json({ submissions, total: mine.total, page, limit, pages }, 200);
  });
  return app;
}
