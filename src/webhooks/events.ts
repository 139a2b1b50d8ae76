/**
 * Which audit entries are webhook events. Every state change is recorded by
 * one store script together with its audit entry, and the audit stream is
 * read in one place (./dispatch.ts), so no state change misses its event.
 */
import type { AuditEntry } from '../domain/draft.ts';
import type { WebhookEvent } from '../domain/webhook.ts';

const BY_STATE: Partial<Record<string, WebhookEvent>> = {
  approved: 'approved',
  published: 'published',
  unpublished: 'unpublished',
  failed: 'failed',
};

export function eventOf(entry: Pick<AuditEntry, 'action' | 'from' | 'to'>): WebhookEvent | null {
  // Staying in a state is no event, except a correction published over a live page.
  if (entry.from === entry.to && entry.to !== 'published') return null;
  // A new draft from the summarizer (first draft or after "request changes"), not a reviewer's edit.
  if (entry.action === 'drafted' && entry.to === 'pending_review') return 'drafted';
  return entry.to ? (BY_STATE[entry.to] ?? null) : null;
}
