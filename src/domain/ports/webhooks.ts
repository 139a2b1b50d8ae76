/**
 * The webhooks port: hooks with their signing secrets, their recent
 * deliveries, and the audit entries still to turn into deliveries (read by
 * a consumer group, acknowledged once handled). Redis: src/store/webhooks.ts.
 */
import type { Delivery, DeliveryInput, Webhook, WebhookEvent } from '../webhook.ts';
import type { WebhookLinesPort, WebhookSecretsPort } from './webhook-lines.ts';

/**
 * One audit stream entry: [stream id, entry JSON, the entry's own id or null].
 * The own id is the PostgreSQL audit row's (src/store/pg/outbox.ts), the same
 * if the entry is sent to the stream twice; the Redis store's entries have none.
 */
export type StreamedAudit = [streamId: string, entry: string, auditId: string | null];

export interface Webhooks {
  /** Register a hook; its secret is returned this once. */
  add(input: {
    url: string;
    events: WebhookEvent[];
    createdBy: string;
  }): Promise<{ hook: Webhook; secret: string }>;
  get(id: string): Promise<Webhook | null>;
  /** The signing secret: for the delivery worker only. */
  secret(id: string): Promise<string | null>;
  list(): Promise<Webhook[]>;
  remove(id: string): Promise<void>;
  /** The next audit entries to dispatch, unacknowledged ones first. */
  readAudit(consumer: string, blockMs: number, reclaimMs?: number): Promise<StreamedAudit[]>;
  ackAudit(ids: string[]): Promise<void>;
  /** Store a new delivery; false when it exists (an event read twice is sent once). */
  createDelivery(d: DeliveryInput): Promise<boolean>;
  delivery(hookId: string, id: string): Promise<Delivery | null>;
  updateDelivery(d: Delivery): Promise<void>;
  /** The hook's recent deliveries, newest first. */
  deliveries(hookId: string, count?: number): Promise<Delivery[]>;
  /** The lines deliveries wait in, per hook and paper (./webhook-lines.ts). */
  lines(): WebhookLinesPort;
  /** The secrets that sign, and rotation (./webhook-lines.ts). */
  secrets(): WebhookSecretsPort;
}
