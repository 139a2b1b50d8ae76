/**
 * The API's OpenAPI 3.1 description, served at /api/openapi.json. Data
 * shapes come from the domain's zod schemas (z.toJSONSchema), so the
 * document cannot drift from what the server validates.
 */
import { Claim } from '../../domain/claim.ts';
import { AuditEntry, Draft } from '../../domain/draft.ts';
import { FailureRecord } from '../../domain/failure.ts';
import { PaperRecord } from '../../domain/paper.ts';
import { Approval, Publication } from '../../domain/publication.ts';
import { PaperState } from '../../domain/state.ts';
import { LaySummary } from '../../domain/summary.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../review/queries.ts';
import { CHECK_RESULTS, SORTS } from '../../store/search-index.ts';
import { adminPaths, adminSchemas } from './openapi-admin.ts';
import { authErrors, err, type Json, json, ref, schemaOf } from './openapi-shared.ts';

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string' },
  description: 'Paper id, e.g. p0123456789ab',
};

const BASED_ON = {
  type: 'integer',
  minimum: 1,
  description:
    'The draft version you decided on (for publish: the approved version). A decision on a version that is no longer the latest is refused with 409, naming who saved the newer one.',
};

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
  '/api/papers': {
    post: {
      summary:
        'Submit a paper (editor, admin). A paper already known returns its id with 200 and duplicate: true.',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: ref('SubmitBody') },
          'multipart/form-data': {
            schema: {
              type: 'object',
              properties: { pdf: { type: 'string', format: 'binary' } },
              required: ['pdf'],
            },
          },
        },
      },
      responses: {
        201: json(ref('SubmitResult'), 'Queued'),
        200: json(ref('SubmitResult'), 'Already known (duplicate: true); nothing new was queued'),
        400: err(
          'Invalid input (not a PMID, empty text, control characters, an XML/HTML document pasted as text, not a PDF...)',
        ),
        ...authErrors,
        413: err('Body over the size limit (JSON: MAX_JSON_BYTES; multipart: MAX_PDF_BYTES)'),
      },
    },
  },
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

const stateEnum = { type: 'string', enum: PaperState.options };
const nullableString = { type: ['string', 'null'] };

const ROW_FIELDS = [
  'id',
  'state',
  'title',
  'headline',
  'journal',
  'provider',
  'model',
  'reason',
  'version',
  'updatedAt',
  'createdAt',
];

/** Shapes of what the API takes and answers. */
function messageSchemas(): Json {
  return {
    Error: {
      type: 'object',
      properties: { error: { type: 'string' }, hint: nullableString },
      required: ['error', 'hint'],
    },
    SubmitBody: {
      oneOf: [
        {
          type: 'object',
          properties: { text: { type: 'string' }, title: { type: 'string' }, journal: { type: 'string' } },
          required: ['text'],
        },
        { type: 'object', properties: { pmid: { type: 'string' } }, required: ['pmid'] },
        { type: 'object', properties: { doi: { type: 'string' } }, required: ['doi'] },
      ],
    },
    SubmitResult: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        created: { type: 'boolean' },
        duplicate: { type: 'boolean' },
        state: stateEnum,
      },
    },
    StateResult: {
      type: 'object',
      properties: { id: { type: 'string' }, state: stateEnum, reason: nullableString },
    },
    EditBody: {
      type: 'object',
      properties: {
        basedOn: { type: 'integer', minimum: 1 },
        changes: { ...schemaOf(LaySummary.partial()), description: 'Only the fields to change' },
      },
      required: ['basedOn', 'changes'],
    },
  };
}

/** Papers and drafts, from the domain schemas. */
function dataSchemas(): Json {
  const rowProperties: Json = Object.fromEntries(ROW_FIELDS.map((k) => [k, nullableString]));
  rowProperties.topics = { type: 'array', items: { type: 'string' } };
  rowProperties.checkResult = { type: ['string', 'null'], enum: ['pass', 'warn', 'fail', null] };
  rowProperties.credibility = { type: ['integer', 'null'] };
  rowProperties.grade = { type: ['number', 'null'], description: 'Flesch-Kincaid grade of the latest draft' };
  return {
    PaperRow: { type: 'object', properties: rowProperties },
    DraftList: {
      type: 'object',
      properties: {
        drafts: { type: 'array', items: ref('PaperRow') },
        total: { type: 'integer', description: 'Papers matching the filters, over all pages' },
        page: { type: 'integer' },
        limit: { type: 'integer' },
        pages: { type: 'integer' },
        counts: { type: 'object', additionalProperties: { type: 'integer' } },
        topics: { type: 'array', items: { type: 'string' } },
        providers: { type: 'array', items: { type: 'string' } },
        models: { type: 'array', items: { type: 'string' } },
        submitters: { type: 'array', items: { type: 'string' } },
        today: {
          type: 'array',
          items: {
            type: 'object',
            properties: { reviewer: { type: 'string' }, decisions: { type: 'integer' } },
          },
          description:
            'Approvals, rejections, change requests and publications per person since midnight UTC',
        },
      },
    },
    LaySummary: schemaOf(LaySummary),
    Draft: schemaOf(Draft),
    AuditEntry: schemaOf(AuditEntry),
    PaperRecord: schemaOf(PaperRecord),
    FailureRecord: schemaOf(FailureRecord),
    Approval: schemaOf(Approval),
    Publication: schemaOf(Publication),
    Claim: schemaOf(Claim),
    PaperView: {
      type: 'object',
      properties: {
        id: { type: 'string' },
        state: stateEnum,
        reason: nullableString,
        failure: { oneOf: [ref('FailureRecord'), { type: 'null' }] },
        approval: { oneOf: [ref('Approval'), { type: 'null' }] },
        publication: { oneOf: [ref('Publication'), { type: 'null' }] },
        placeholders: {
          type: 'array',
          items: { type: 'object', properties: { field: { type: 'string' }, text: { type: 'string' } } },
          description:
            'Fields still holding text LaySum marked as a placeholder: approval is refused until they are written',
        },
        source: { oneOf: [ref('PaperRecord'), { type: 'null' }] },
        draft: { oneOf: [ref('Draft'), { type: 'null' }] },
        versions: { type: 'array', items: ref('Draft') },
        audit: { type: 'array', items: ref('AuditEntry') },
        claim: { oneOf: [ref('Claim'), { type: 'null' }] },
      },
    },
  };
}

function components(): Json {
  return {
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'A token from `laysum users add NAME --role ROLE`',
      },
    },
    schemas: { ...messageSchemas(), ...dataSchemas(), ...adminSchemas() },
  };
}

/** Claims (who is working on a paper) and bulk decisions from the queue. */
function teamPaths(): Json {
  const claimResult = {
    type: 'object',
    properties: {
      id: { type: 'string' },
      outcome: { type: 'string', enum: ['claimed', 'renewed', 'taken'] },
      claim: ref('Claim'),
      previous: { oneOf: [ref('Claim'), { type: 'null' }], description: 'The claim taken over' },
    },
  };
  return {
    '/api/drafts/{id}/claim': {
      get: {
        summary: 'Who is working on this paper, since when and until when (null: nobody)',
        parameters: [idParam],
        responses: {
          200: json({ type: 'object', properties: { claim: ref('Claim') } }, 'The claim'),
          ...authErrors,
        },
      },
      post: {
        summary:
          'Claim the paper for CLAIM_TTL_MS, or renew your claim; `{"takeOver": true}` takes it from another reviewer (audited) (reviewer, admin)',
        parameters: [idParam],
        requestBody: {
          required: false,
          content: {
            'application/json': { schema: { type: 'object', properties: { takeOver: { type: 'boolean' } } } },
          },
        },
        responses: {
          200: json(claimResult, 'Claimed, renewed or taken over'),
          ...authErrors,
          409: err('Claimed by someone else (says who and since when), or the paper is not pending review'),
        },
      },
      delete: {
        summary: "Give your claim back (another reviewer's claim is left alone) (reviewer, admin)",
        parameters: [idParam],
        responses: {
          200: json({ type: 'object', properties: { released: { type: 'boolean' } } }, 'Released or not'),
          ...authErrors,
        },
      },
    },
    '/api/drafts/bulk': {
      post: {
        summary:
          'Approve, reject (one reason) or request changes (one set of notes) on several papers, each pinned to its basedOn version and audited on its own; refusals are per paper (reviewer, admin)',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: {
                  action: { type: 'string', enum: ['approve', 'reject', 'request-changes'] },
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { id: { type: 'string' }, basedOn: BASED_ON },
                      required: ['id', 'basedOn'],
                    },
                  },
                  note: { type: 'string' },
                  reason: { type: 'string' },
                  notes: { type: 'string' },
                },
                required: ['action', 'items'],
              },
            },
          },
        },
        responses: {
          200: json(
            {
              type: 'object',
              properties: {
                done: { type: 'integer' },
                refused: { type: 'integer' },
                results: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      basedOn: { type: 'integer' },
                      done: { type: 'boolean' },
                      error: nullableString,
                      hint: nullableString,
                    },
                  },
                },
              },
            },
            'What happened to each paper',
          ),
          400: err('No papers, too many, or not a decision'),
          ...authErrors,
        },
      },
    },
  };
}

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
