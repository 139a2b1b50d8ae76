/** The review routes as OpenAPI definitions: paths, parameters, bodies and every answer. */
import { createRoute, z } from '@hono/zod-openapi';
import { PaperState } from '../../domain/state.ts';
import { ACTIONS, type Action, VERSIONED } from '../../review/actions.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../review/queries.ts';
import { CHECK_RESULTS, SORTS } from '../../store/search-index.ts';
import {
  ActionBody,
  BulkBody,
  BulkResult,
  Claim,
  ClaimBody,
  ClaimResult,
  DraftList,
  EditBody,
  EditResult,
  PaperView,
  StateResult,
} from './drafts-schemas.ts';
import { authErrors, errors, json, jsonRequest } from './route-kit.ts';

export const PaperId = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, description: 'Paper id, e.g. p0123456789ab' }),
});

/** A query value as typed; ../../review/queries.ts checks it, so the CLI, desk and API refuse alike. */
const query = (description: string, values?: readonly string[]) =>
  z
    .string()
    .optional()
    .openapi({ description, ...(values ? { enum: [...values] } : {}) });

export const listDrafts = createRoute({
  method: 'get',
  path: '/',
  operationId: 'listDrafts',
  summary:
    'The review queue, one page at a time, newest first by default, with counts per state, the filter values and decisions per reviewer today (any signed-in role)',
  request: {
    query: z.object({
      state: query('A paper state', PaperState.options),
      topic: query('A topic tag'),
      check: query("The latest draft's worst check result ('none': no draft yet)", CHECK_RESULTS),
      provider: query('openai, extractive, human'),
      model: query('The model that wrote the latest draft'),
      submitter: query("Who submitted, e.g. 'api:dana'"),
      from: query('Submitted on or after (UTC day, YYYY-MM-DD)'),
      to: query('Submitted on or before (UTC day, YYYY-MM-DD)'),
      q: query(
        'Search: every word must match a word of the title, journal, headline or topics; or a PMID, DOI or paper id',
      ),
      sort: query('Sort field (default age)', SORTS),
      order: query('desc (default) or asc', ['desc', 'asc']),
      page: query('Page number, from 1 (default 1)'),
      limit: query(`Papers per page, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE})`),
    }),
  },
  responses: {
    200: json(DraftList, 'One page of matching papers'),
    ...errors({ 400: 'An unknown state, sort, order or check result; a bad date, page or limit' }),
    ...authErrors,
  },
});

export const getDraft = createRoute({
  method: 'get',
  path: '/{id}',
  operationId: 'getDraft',
  summary: 'A paper: source, current draft with checks and provenance, all versions, audit trail, claim',
  request: { params: PaperId },
  responses: {
    200: json(PaperView, 'The paper'),
    ...errors({ 404: 'No such paper', 410: 'The paper is known but its record is gone' }),
    ...authErrors,
  },
});

export const editDraft = createRoute({
  method: 'patch',
  path: '/{id}',
  operationId: 'editDraft',
  summary:
    'Edit draft fields (reviewer, admin). basedOn is the version you saw; a stale version is refused with 409.',
  request: { params: PaperId, body: jsonRequest(EditBody) },
  responses: {
    200: json(EditResult, 'The new version'),
    ...errors({
      400: 'The edited summary is not valid',
      404: 'No such paper',
      409: 'Someone saved a newer version (ConflictError), or the paper cannot be edited in its state',
      413: 'Body over 1 MB',
    }),
    ...authErrors,
  },
});

export const bulkDecide = createRoute({
  method: 'post',
  path: '/bulk',
  operationId: 'bulkDecide',
  summary:
    'Approve, reject (one reason) or request changes (one set of notes) on several papers, each pinned to its basedOn version and audited on its own; refusals are per paper (reviewer, admin)',
  request: { body: jsonRequest(BulkBody) },
  responses: {
    200: json(BulkResult, 'What happened to each paper'),
    ...errors({ 400: 'No papers, too many, or not a decision', 413: 'Body over 1 MB' }),
    ...authErrors,
  },
});

const ACTION_SUMMARY: Record<Action, string> = {
  approve:
    'Approve version `basedOn`; refused while a field holds a placeholder; optional `note` (reviewer, admin)',
  reject: 'Reject version `basedOn`; `reason` is required (reviewer, admin)',
  'request-changes':
    'Send version `basedOn` back to the summarizer with `notes` (required); needs an LLM (reviewer, admin)',
  publish:
    'Publish the approved version `basedOn`; a live page keeps its URL and says "Updated on" (reviewer, admin)',
  unpublish:
    'Take the live page down: it answers 410 and leaves the index, feeds and exports; `reason` is required (reviewer, admin)',
  reopen: 'Put a rejected or unpublished paper back in review; optional `note` (reviewer, admin)',
  retry: 'Put a failed paper back in the pipeline (reviewer, admin)',
};

const operationId = (action: Action) => `${action.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Draft`;

/** One decision route per action; the body is optional (retry and reopen may send none). */
export const actionRoutes = ACTIONS.map((action) => ({
  action,
  route: createRoute({
    method: 'post',
    path: `/{id}/${action}`,
    operationId: operationId(action),
    summary: ACTION_SUMMARY[action],
    request: {
      params: PaperId,
      // Not `required` for the validator even where basedOn is: an empty body must reach runAction, whose 400 says to send it.
      body: {
        ...jsonRequest(ActionBody, false),
        description: VERSIONED.has(action) ? 'basedOn is required' : 'basedOn is not used',
      },
    },
    responses: {
      200: json(StateResult, 'The paper and its new state'),
      ...errors({
        400: 'A required field (basedOn, reason or notes) is missing, or a placeholder is still in the draft',
        404: 'No such paper',
        409: 'The paper changed since that version, its state does not allow this, or another reviewer holds its claim',
        413: 'Body over 1 MB',
      }),
      ...authErrors,
    },
  }),
}));

export const getClaim = createRoute({
  method: 'get',
  path: '/{id}/claim',
  operationId: 'getClaim',
  summary: 'Who is working on this paper, since when and until when (claim: null when nobody is)',
  request: { params: PaperId },
  responses: {
    200: json(z.object({ id: z.string(), claim: Claim.nullable() }), 'The claim, or null'),
    ...errors({ 404: 'No such paper' }),
    ...authErrors,
  },
});

export const takeClaim = createRoute({
  method: 'post',
  path: '/{id}/claim',
  operationId: 'claimDraft',
  summary:
    'Claim the paper for CLAIM_TTL_MS, or renew your claim; `{"takeOver": true}` takes it from another reviewer (audited) (reviewer, admin)',
  request: { params: PaperId, body: jsonRequest(ClaimBody, false) },
  responses: {
    200: json(ClaimResult, 'Claimed, renewed or taken over'),
    ...errors({
      400: 'The body is not {"takeOver": boolean}',
      404: 'No such paper',
      409: 'Claimed by someone else (says who and since when), or the paper is not pending review',
      413: 'Body over 16 KB',
    }),
    ...authErrors,
  },
});

export const releaseClaimRoute = createRoute({
  method: 'delete',
  path: '/{id}/claim',
  operationId: 'releaseClaim',
  summary: "Give your claim back (another reviewer's claim is left alone) (reviewer, admin)",
  request: { params: PaperId },
  responses: {
    200: json(z.object({ id: z.string(), released: z.boolean() }), 'Released or not'),
    ...errors({ 404: 'No such paper' }),
    ...authErrors,
  },
});
