/**
 * The papers port: papers with their state, drafts and audit trail, as the
 * use cases ask for them. Every change is atomic with its audit entry; a
 * move's `from` and `to` come from the table in ../transitions.ts. The Redis
 * implementation is src/store/papers.ts.
 */
import type { AuditEntry, Draft } from '../draft.ts';
import type { FailureRecord } from '../failure.ts';
import type { Identity } from '../identity.ts';
import type { Origin, Paper, PaperRecord, Submission } from '../paper.ts';
import type { PaperState } from '../state.ts';
import type { AuditInput, AuditLog } from './audit.ts';
import type { PublicSite } from './public-site.ts';
import type { SearchIndex } from './search-index.ts';

export interface TransitionInput extends AuditInput {
  from: readonly PaperState[] | '*';
  to: PaperState;
  reason?: string | null;
  /** Kept on the paper while it is failed; any transition without one clears it. */
  failure?: FailureRecord | null;
}

export interface AddDraftOptions extends AuditInput {
  expected: number;
  from: readonly PaperState[] | '*';
  to: PaperState | null;
  /** 'job': an existing version is a no-op (a retried job); 'edit': a stale base is a ConflictError. */
  mode: 'job' | 'edit';
  /** The paper as read for this draft: the store may then index it in the same write. */
  paper?: Paper;
}

export interface Papers {
  /** The review queue's index, kept in step with every record and draft written. */
  readonly index: SearchIndex;
  readonly auditLog: AuditLog;
  readonly publicSite: PublicSite;
  indexReady(): Promise<boolean>;
  /** Index a paper's record and latest draft again; `full` rewrites every membership. */
  reindex(id: string, full?: boolean): Promise<void>;
  /** Create a paper, or return the id of the paper that already holds one of its identities. */
  create(input: {
    submission: Submission;
    origin: Origin;
    identities: readonly Identity[];
    id?: string;
  }): Promise<{ created: boolean; id: string }>;
  get(id: string): Promise<Paper | null>;
  /** The paper, or NotFoundError. */
  require(id: string): Promise<Paper>;
  /** Move a paper between states; StateError when its state does not allow it. */
  transition(id: string, t: TransitionInput): Promise<PaperState>;
  /** Store the ingested record (and make `then`, if given); the id of an existing paper when it is a duplicate. */
  setRecord(
    id: string,
    paper: Paper,
    record: PaperRecord,
    identities: readonly Identity[],
    then?: Omit<TransitionInput, 'reason' | 'failure'>,
  ): Promise<string | null>;
  /** Append draft version `expected + 1`, voiding any approval; false when a job's version exists. */
  addDraft(id: string, draft: Draft, opts: AddDraftOptions): Promise<boolean>;
  drafts(id: string): Promise<Draft[]>;
  draftVersion(id: string, version: number): Promise<Draft | null>;
  latestDraft(id: string): Promise<Draft | null>;
  /** Paper ids in a state (or all), oldest first. */
  ids(state?: PaperState, limit?: number, offset?: number): Promise<string[]>;
  /** Ids in a state either side of `id`, up to `window` each way. */
  idsAround(state: PaperState, id: string, window: number): Promise<string[]>;
  count(state?: PaperState): Promise<number>;
  list(state?: PaperState, limit?: number, offset?: number): Promise<Paper[]>;
  /** The paper's own audit trail, oldest first. */
  audit(id: string): Promise<AuditEntry[]>;
  /** The paper a discarded duplicate was merged into, if any. */
  mergedInto(id: string): Promise<string | null>;
  putBlob(id: string, bytes: Uint8Array): Promise<void>;
  getBlob(id: string): Promise<Uint8Array | null>;
}
