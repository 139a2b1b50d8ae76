import { PaperState } from '../../domain/state.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../review/queries.ts';
import { CHECK_RESULTS, SORTS } from '../../store/search-index.ts';
import { adminPaths } from './openapi-admin.ts';
import { components } from './openapi-schemas.ts';
import { authErrors, BASED_ON, err, idParam, type Json, json, ref } from './openapi-shared.ts';
import { teamPaths } from './openapi-team.ts';

/**
 * A decision route. `field` is its text field (required unless it is `note`);
 * `versioned` decisions must send `basedOn`.
 */
function action(summary: string, field: string | null, versioned: boolean, extra: Json = {}): Json {
  const properties: Json = {
    ...(versioned ? { basedOn: BASED_ON } : {}),
    ...(field ? { [field]: { type: 'string' } } : {}),
  };
  const required = [...(versioned ? ['basedOn'] : []), ...(field && field !== 'note' ? [field] : [])];
  const body =
    Object.keys(properties).length > 0
      ? {
          requestBody: {
            required: required.length > 0,
            content: {
              'application/json': {
                schema: { type: 'object', properties, ...(required.length ? { required } : {}) },
              },
            },
          },
        }
      : {};
  return {
    post: {
      summary,
      parameters: [idParam],
      ...body,
      responses: {
        200: json(ref('StateResult'), 'The paper and its new state'),
        400: err(
          'A required field (basedOn, reason or notes) is missing, or a placeholder is still in the draft',
        ),
        ...authErrors,
        404: err('No such paper'),
        409: err('The paper changed since that version, or its state does not allow this'),
        ...extra,
      },
    },
  };
}

const paths: Json = {
  '/api/drafts': {
    get: {
      summary:
        'The review queue, one page at a time, newest first by default, with counts per state, the filter values and decisions per reviewer today (any signed-in role)',
      parameters: [
        { name: 'state', in: 'query', schema: { type: 'string', enum: PaperState.options } },
        { name: 'topic', in: 'query', schema: { type: 'string' } },
        {
          name: 'check',
          in: 'query',
          schema: { type: 'string', enum: [...CHECK_RESULTS] },
          description: "The latest draft's worst check result ('none': no draft yet)",
        },
        {
          name: 'provider',
          in: 'query',
          schema: { type: 'string' },
          description: 'openai, extractive, human',
        },
        { name: 'model', in: 'query', schema: { type: 'string' } },
        {
          name: 'submitter',
          in: 'query',
          schema: { type: 'string' },
          description: "Who submitted, e.g. 'api:dana'",
        },
        {
          name: 'from',
          in: 'query',
          schema: { type: 'string', format: 'date' },
          description: 'Submitted on or after (UTC day)',
        },
        {
          name: 'to',
          in: 'query',
          schema: { type: 'string', format: 'date' },
          description: 'Submitted on or before (UTC day)',
        },
        {
          name: 'q',
          in: 'query',
          schema: { type: 'string' },
          description:
            'Search: every word must match a word of the title, journal, headline or topics; or a PMID, DOI or paper id',
        },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: [...SORTS], default: 'age' } },
        { name: 'order', in: 'query', schema: { type: 'string', enum: ['desc', 'asc'], default: 'desc' } },
        { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
        {
          name: 'limit',
          in: 'query',
          schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
        },
      ],
      responses: {
        200: json(ref('DraftList'), 'One page of matching papers'),
        400: err('An unknown state, sort, order or check result; a bad date, page or limit'),
        ...authErrors,
      },
    },
  },
  '/api/drafts/{id}': {
    get: {
      summary: 'A paper: source, current draft with checks and provenance, all versions, audit trail',
      parameters: [idParam],
      responses: {
        200: json(ref('PaperView'), 'The paper'),
        ...authErrors,
        404: err('No such paper'),
        410: err('The paper is known but its record is gone'),
      },
    },
    patch: {
      summary:
        'Edit draft fields (reviewer, admin). basedOn is the version you saw; a stale version is refused with 409.',
      parameters: [idParam],
      requestBody: { required: true, content: { 'application/json': { schema: ref('EditBody') } } },
      responses: {
        200: json(
          {
            type: 'object',
            properties: { id: { type: 'string' }, version: { type: 'integer' }, draft: ref('Draft') },
          },
          'The new version',
        ),
        400: err('The edited summary is not valid'),
        ...authErrors,
        404: err('No such paper'),
        409: err('Someone saved a newer version (ConflictError), or the paper cannot be edited in its state'),
      },
    },
  },
  '/api/drafts/{id}/approve': action(
    'Approve version `basedOn`; refused while a field holds a placeholder (reviewer, admin)',
    'note',
    true,
  ),
  '/api/drafts/{id}/reject': action(
    'Reject version `basedOn`; a reason is required (reviewer, admin)',
    'reason',
    true,
  ),
  '/api/drafts/{id}/request-changes': action(
    'Send version `basedOn` back to the summarizer with notes; needs an LLM (reviewer, admin)',
    'notes',
    true,
  ),
  '/api/drafts/{id}/publish': action(
    'Publish the approved version `basedOn`; a live page keeps its URL and says "Updated on" (reviewer, admin)',
    null,
    true,
  ),
  '/api/drafts/{id}/unpublish': action(
    'Take the live page down: it answers 410 and leaves the index, feeds and exports; a reason is required (reviewer, admin)',
    'reason',
    false,
  ),
  '/api/drafts/{id}/reopen': action(
    'Put a rejected or unpublished paper back in review (reviewer, admin)',
    'note',
    false,
  ),
  '/api/drafts/{id}/retry': action('Put a failed paper back in the pipeline (reviewer, admin)', null, false),
};

let cached: Json | undefined;

export function openApiDocument(): Json {
  cached ??= {
    openapi: '3.1.0',
    info: {
      title: 'LaySum API',
      version: '1.0.0',
      description:
        'Submit papers, review AI-drafted plain-language summaries, publish them. Errors are `{ error, hint }`.',
    },
    security: [{ bearer: [] }],
    paths: { ...paths, ...teamPaths(), ...adminPaths() },
    components: components(),
  };
  return cached;
}
