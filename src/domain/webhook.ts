/**
 * Webhooks: a URL an admin registers to be told when a paper is drafted,
 * approved, published, unpublished or failed. Each event becomes one
 * delivery per subscribed hook: a signed JSON POST, retried with backoff,
 * whose outcome (delivered, retrying, failed) admins can see.
 */
import { z } from 'zod';

export const WEBHOOK_EVENTS = ['drafted', 'approved', 'published', 'unpublished', 'failed'] as const;
export const WebhookEvent = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof WebhookEvent>;

/** A registered hook, as listed. Its signing secret is kept apart and never listed. */
export const Webhook = z.object({
  id: z.string(),
  url: z.string().url(),
  events: z.array(WebhookEvent).min(1),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

export const DeliveryStatus = z.enum(['pending', 'retrying', 'delivered', 'failed']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** What is POSTed: the event, when it happened, and the paper it is about. */
export const WebhookPayload = z.object({
  /** The delivery id, also sent as X-LaySum-Delivery: the same for every retry of one delivery. */
  id: z.string(),
  event: WebhookEvent,
  at: z.string(),
  actor: z.string(),
  note: z.string().nullable(),
  paper: z.object({
    id: z.string(),
    title: z.string(),
    state: z.string(),
    /** The paper's page on the review desk. */
    deskUrl: z.string(),
    /** The public page's address once it has one (it answers 410 after unpublishing). */
    publicUrl: z.string().nullable(),
    /** The page's slug and the published version (on published events), else null. */
    slug: z.string().nullable(),
    version: z.number().int().positive().nullable(),
  }),
  /**
   * On `published`: the summary as the public reads it (the export's data/<slug>.json), so a
   * receiver needs no second call. Null on every other event: after `unpublished`, show nothing.
   */
  content: z.record(z.string(), z.unknown()).nullable(),
});
export type WebhookPayload = z.infer<typeof WebhookPayload>;

export const Delivery = z.object({
  id: z.string(),
  hookId: z.string(),
  event: WebhookEvent,
  paperId: z.string(),
  /** The exact JSON body signed and sent, the same on every attempt. */
  body: z.string(),
  status: DeliveryStatus,
  attempts: z.number().int().nonnegative(),
  /** The receiver's last HTTP status, or null when it could not be reached. */
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How many times an admin sent it again (each send is its own round of attempts). */
  round: z.number().int().nonnegative().default(0),
  /** When this round's first attempt was queued: retries stop WEBHOOK_GIVE_UP_AFTER_S after it. */
  roundStartedAt: z.string().nullable().default(null),
  /** Who sent it again, for the desk ("resent by web:dana"). */
  resentBy: z.string().nullable().default(null),
});
export type Delivery = z.infer<typeof Delivery>;
/** A delivery as written before the resend fields existed (they default). */
export type DeliveryInput = z.input<typeof Delivery>;
