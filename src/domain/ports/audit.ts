/** The audit log port: every paper's entries in one stream, in order, and the day's decision counts. */
import type { AuditEntry } from '../draft.ts';

/** Who did what, as a store write records it (the store adds the paper, the states and the time). */
export interface AuditInput {
  actor: string;
  action: string;
  note?: string | null;
}

export interface StreamEntry {
  /** The stream id: `<ms>-<seq>`. */
  id: string;
  entry: AuditEntry;
}

export interface AuditLog {
  /** Up to `max` entries from the id (or ms) `from` on, after it when `exclusive`, oldest first. */
  after(from: string, exclusive: boolean, max: number): Promise<StreamEntry[]>;
  /** Up to `count` entries, newest first, older than the `before` id (newest when null), none older than `since` ms. */
  page(opts: { before: string | null; count: number; since?: number | undefined }): Promise<StreamEntry[]>;
  /** Add an entry that changes no state (a take-over, a note). */
  append(id: string, input: AuditInput, from?: string | null, to?: string | null): Promise<void>;
  /** Decisions per person on the UTC day of `at`, or null when the counts may miss some. */
  decisionCounts(at: Date): Promise<Map<string, number> | null>;
}
