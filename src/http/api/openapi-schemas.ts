/** The API document's components: the bearer scheme and the data and message schemas, from the domain's zod schemas. */
import { Claim } from '../../domain/claim.ts';
import { AuditEntry, Draft } from '../../domain/draft.ts';
import { FailureRecord } from '../../domain/failure.ts';
import { SourceSentences } from '../../domain/links.ts';
import { PaperRecord } from '../../domain/paper.ts';
import { Approval, Publication } from '../../domain/publication.ts';
import { PaperState } from '../../domain/state.ts';
import { LaySummary } from '../../domain/summary.ts';
import { adminSchemas } from './openapi-admin.ts';
import { type Json, nullableString, ref, schemaOf } from './openapi-shared.ts';

const stateEnum = { type: 'string', enum: PaperState.options };

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
      description: 'RFC 9457 problem details, with `error` (= `detail`) and `hint` (what to do)',
      properties: {
        type: { type: 'string' },
        title: { type: 'string' },
        status: { type: 'integer' },
        detail: { type: 'string' },
        instance: { type: 'string' },
        error: { type: 'string' },
        hint: nullableString,
      },
      required: ['type', 'title', 'status', 'detail', 'error', 'hint'],
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
    SourceSentences: schemaOf(SourceSentences),
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
        sourceSentences: {
          oneOf: [ref('SourceSentences'), { type: 'null' }],
          description:
            "The source as numbered sentences: each draft sentence's `links` name these ids (null before ingest)",
        },
        draft: { oneOf: [ref('Draft'), { type: 'null' }] },
        versions: { type: 'array', items: ref('Draft') },
        audit: { type: 'array', items: ref('AuditEntry') },
        claim: { oneOf: [ref('Claim'), { type: 'null' }] },
      },
    },
  };
}

export function components(): Json {
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
