/** What the review routes take and answer, from the domain's schemas: the document and the validation share them. */
import { z } from '@hono/zod-openapi';
import { Claim as ClaimSchema } from '../../domain/claim.ts';
import { AuditEntry as AuditSchema, Draft as DraftSchema, Provenance } from '../../domain/draft.ts';
import { FailureRecord } from '../../domain/failure.ts';
import { SourceSentences } from '../../domain/links.ts';
import { Origin, PaperRecord as RecordSchema, Submission } from '../../domain/paper.ts';
import { Approval, Publication } from '../../domain/publication.ts';
import { PaperState } from '../../domain/state.ts';
import { LaySummary } from '../../domain/summary.ts';
import { BULK_ACTIONS, BULK_MAX } from '../../review/bulk.ts';
import { CHECK_RESULTS } from '../../store/search-index.ts';
import { named } from './route-kit.ts';

export const Draft = named(DraftSchema, 'Draft');
export const Claim = named(ClaimSchema, 'Claim');
const PaperRecord = named(RecordSchema, 'PaperRecord');
const Summary = named(LaySummary, 'LaySummary');
const BasedOn = z.number().int().positive().openapi({
  description:
    'The draft version you decided on (for publish: the approved version). A decision on a version that is no longer the latest is refused with 409, naming who saved the newer one.',
});

export const PaperRow = z
  .object({
    id: z.string(),
    state: PaperState,
    title: z.string(),
    headline: z.string().nullable(),
    journal: z.string().nullable(),
    provider: z.string().nullable(),
    model: z.string().nullable(),
    topics: z.array(z.string()),
    reason: z.string().nullable(),
    version: z.number().int().nullable().openapi({
      description: "The latest draft's version (null before the first draft): what a decision is pinned to",
    }),
    updatedAt: z.string(),
    createdAt: z.string(),
    submitter: z.string().openapi({ description: "Who submitted it ('web:dana', 'watch:ID', ...)" }),
    checkResult: z.enum(CHECK_RESULTS.filter((c) => c !== 'none')).nullable(),
    credibility: z.number().int().nullable(),
    grade: z.number().nullable().openapi({ description: 'Flesch-Kincaid grade of the latest draft' }),
    source: PaperRecord.nullable(),
    summary: Summary.nullable(),
    provenance: Provenance.nullable(),
  })
  .openapi('PaperRow');

export const DraftList = z
  .object({
    drafts: z.array(PaperRow),
    total: z.number().int().openapi({ description: 'Papers matching the filters, over all pages' }),
    totalApproximate: z.boolean().openapi({
      description: 'The total is an estimate: very many papers match a combination the index does not count',
    }),
    page: z.number().int(),
    limit: z.number().int(),
    pages: z.number().int(),
    counts: z.record(z.string(), z.number().int()),
    topics: z.array(z.string()),
    providers: z.array(z.string()),
    models: z.array(z.string()),
    submitters: z.array(z.string()),
    today: z.array(z.object({ reviewer: z.string(), decisions: z.number().int() })).openapi({
      description: 'Approvals, rejections, change requests and publications per person since midnight UTC',
    }),
  })
  .openapi('DraftList');

export const PaperView = z
  .object({
    id: z.string(),
    state: PaperState,
    reason: z.string().nullable(),
    failure: FailureRecord.nullable(),
    approval: Approval.nullable(),
    publication: Publication.nullable(),
    placeholders: z.array(z.object({ field: z.string(), text: z.string() })).openapi({
      description:
        'Fields still holding text LaySum marked as a placeholder: approval is refused until they are written',
    }),
    createdAt: z.string(),
    updatedAt: z.string(),
    submission: Submission,
    origin: Origin,
    source: PaperRecord.nullable(),
    sourceSentences: SourceSentences.nullable().openapi({
      description:
        "The source as numbered sentences: each draft sentence's `links` name these ids (null before ingest)",
    }),
    draft: Draft.nullable(),
    summary: Summary.nullable(),
    provenance: Provenance.nullable(),
    versions: z.array(Draft),
    audit: z.array(named(AuditSchema, 'AuditEntry')),
    claim: Claim.nullable(),
  })
  .openapi('PaperView');

export const StateResult = z
  .object({ id: z.string(), state: PaperState, reason: z.string().nullable() })
  .openapi('StateResult');

export const EditBody = z
  .object({
    basedOn: z.number().int().positive(),
    changes: LaySummary.partial()
      .strict()
      .refine((c) => Object.keys(c).length > 0, 'give at least one field to change')
      .openapi({ description: 'Only the fields to change' }),
  })
  .openapi('EditBody');

export const EditResult = z.object({ id: z.string(), version: z.number().int(), draft: Draft });

export const ActionBody = z
  .object({
    basedOn: BasedOn.optional(),
    note: z.string().optional(),
    reason: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict()
  .openapi('ActionBody');

export const ClaimBody = z.object({ takeOver: z.boolean().optional() }).strict();

export const ClaimResult = z.object({
  id: z.string(),
  outcome: z.enum(['claimed', 'renewed', 'taken']),
  claim: Claim,
  previous: Claim.nullable().optional().openapi({ description: 'The claim taken over' }),
});

export const BulkBody = z
  .object({
    action: z.enum(BULK_ACTIONS),
    items: z
      .array(z.object({ id: z.string().min(1), basedOn: BasedOn }).strict())
      .min(1)
      .max(BULK_MAX),
    note: z.string().optional(),
    reason: z.string().optional(),
    notes: z.string().optional(),
  })
  .strict();

export const BulkResult = z.object({
  action: z.enum(BULK_ACTIONS),
  done: z.number().int(),
  refused: z.number().int(),
  results: z.array(
    z.object({
      id: z.string(),
      basedOn: z.number().int(),
      done: z.boolean(),
      error: z.string().nullable(),
      hint: z.string().nullable(),
    }),
  ),
});
