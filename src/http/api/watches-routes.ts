/** The watch routes as OpenAPI definitions. */
import { createRoute, z } from '@hono/zod-openapi';
import { Watch as WatchSchema } from '../../domain/watch.ts';
import { authErrors, errors, json, jsonRequest } from './route-kit.ts';

// `paused` defaults to false when read from the store: an answer always has it.
const Watch = WatchSchema.extend({ paused: z.boolean() }).openapi('Watch');

const WatchId = z.object({
  id: z
    .string()
    .openapi({ param: { name: 'id', in: 'path' }, description: 'Watch id, from GET /api/watches' }),
});

// Kind, target and interval are checked by watch/manage.ts, whose 400s say what to use.
export const AddBody = z
  .object({
    kind: z.string().openapi({ enum: ['pubmed', 'feed'] }),
    target: z.string().openapi({ description: 'The PubMed query, or the feed URL' }),
    every: z.string().default('6h').openapi({ description: 'e.g. 30m, 6h, 1d' }),
  })
  .strict();

const noSuchWatch = { 404: 'No such watch' };

export const listWatches = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listWatches',
  summary: 'Watches with their last poll (and its error) and the next scheduled poll (admin)',
  responses: {
    200: json(
      z.object({ watches: z.array(Watch.extend({ nextPollAt: z.number().int().nullable() })) }),
      'Watches',
    ),
    ...authErrors,
  },
});

export const addWatch = createRoute({
  method: 'post',
  path: '/',
  operationId: 'addWatch',
  summary: 'Add a PubMed query or a feed URL, polled every `every` (e.g. 30m, 6h, 1d) (admin)',
  request: { body: jsonRequest(AddBody) },
  responses: {
    201: json(Watch, 'Added and scheduled (a feed URL shows user:password as ***)'),
    ...errors({ 400: 'Unknown kind, empty query, not an http(s) URL, or a bad interval' }),
    ...authErrors,
  },
});

export const runWatch = createRoute({
  method: 'post',
  path: '/{id}/run',
  operationId: 'pollWatchNow',
  summary: 'Ask the workers to poll this watch now (admin)',
  request: { params: WatchId },
  responses: {
    202: json(z.object({ id: z.string(), queued: z.boolean() }), 'Queued'),
    ...errors(noSuchWatch),
    ...authErrors,
  },
});

const watchOp = (verb: 'pause' | 'resume', summary: string) =>
  createRoute({
    method: 'post',
    path: `/{id}/${verb}`,
    operationId: `${verb}Watch`,
    summary,
    request: { params: WatchId },
    responses: { 200: json(Watch, 'The watch'), ...errors(noSuchWatch), ...authErrors },
  });

export const pauseWatch = watchOp('pause', 'Stop polling; the watch keeps its settings and history (admin)');
export const resumeWatch = watchOp('resume', 'Schedule a paused watch again (admin)');

export const removeWatch = createRoute({
  method: 'delete',
  path: '/{id}',
  operationId: 'removeWatch',
  summary: 'Remove a watch and its schedule (admin)',
  request: { params: WatchId },
  responses: {
    200: json(z.object({ id: z.string(), removed: z.boolean() }), 'Removed'),
    ...errors(noSuchWatch),
    ...authErrors,
  },
});
