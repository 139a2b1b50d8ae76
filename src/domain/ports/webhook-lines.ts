/**
 * The webhook ports added beside ./webhooks.ts: the lines a paper's
 * deliveries wait in per hook (only the head is sent; Redis:
 * src/store/webhook-lines.ts), and the secrets that sign, with rotation
 * (src/store/webhook-secrets.ts).
 */
import type { Delivery } from '../webhook.ts';

/** What happened to a delivery put in line: stored or queued again now, and the line's head. */
export interface LinePlace {
  added: boolean;
  head: string | null;
}

export interface WebhookLinesPort {
  /** Store a new delivery at the end of its paper's line; one stored before is left alone. */
  add(d: Delivery): Promise<LinePlace>;
  /** One paper's stored deliveries again (new rounds, oldest first), only if its line is empty; null if one is gone. */
  requeue(deliveries: readonly Delivery[]): Promise<LinePlace | null>;
  /** Take a finished delivery off the front of its line (again: a no-op); the next one's id. */
  advance(hookId: string, paperId: string, deliveryId: string): Promise<string | null>;
  head(hookId: string, paperId: string): Promise<string | null>;
  /** A hook's deliveries made at or after `sinceMs`, oldest first. */
  since(hookId: string, sinceMs: number): Promise<Delivery[]>;
  /** Forget finished deliveries older than `keepMs` or beyond `maxCount`; owed ones are kept. */
  trim(hookId: string, keepMs: number, maxCount: number, now?: number): Promise<number>;
  removeHook(hookId: string): Promise<void>;
}

export interface WebhookSecretsPort {
  /** The secrets that sign now, newest first (two during a rotation's grace period). */
  signing(hookId: string, now?: number): Promise<string[]>;
  /** Replace the current secret; the old one still signs for `graceMs`. */
  rotate(hookId: string, secret: string, graceMs: number, now?: number): Promise<{ until: number }>;
}
