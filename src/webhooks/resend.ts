/**
 * Sending deliveries again, for a receiver that lost them or was away longer
 * than the retries last: one delivery, or everything since a time (for one
 * hook or all). A paper's deliveries are resent together and in order, from
 * the chosen one to its latest, so the receiver always ends with the paper's
 * latest state: never a withdrawn summary shown again. A paper whose line
 * still holds deliveries is left alone (they end with its latest event).
 * Each resend is a new round: new attempts, a new `webhook-id` (`…-r1`), so
 * receivers that deduplicate process it again.
 */
import type { Delivery } from '../domain/webhook.ts';
import { InputError } from '../errors/input-error.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { type LineDeps, queueHead } from './line.ts';

export interface ResendReport {
  /** Deliveries queued again. */
  resent: number;
  /** Papers whose deliveries were resent. */
  papers: number;
  /** Papers left alone because deliveries of theirs still wait to be sent. */
  waiting: string[];
}

function nextRound(d: Delivery, by: string, now: string): Delivery {
  return {
    ...d,
    status: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    updatedAt: now,
    round: d.round + 1,
    roundStartedAt: now,
    resentBy: by,
  };
}

/** One paper's deliveries, oldest first, as one new round each. */
async function resendPaper(deps: LineDeps, deliveries: Delivery[], by: string): Promise<boolean> {
  const now = new Date().toISOString();
  const rounds = deliveries.map((d) => nextRound(d, by, now));
  const place = await deps.lines.requeue(rounds);
  if (!place?.added) return false;
  await queueHead(deps, rounds[0]?.hookId ?? '', place.head);
  return true;
}

async function resendGrouped(deps: LineDeps, deliveries: Delivery[], by: string): Promise<ResendReport> {
  const byPaper = new Map<string, Delivery[]>();
  for (const d of deliveries)
    byPaper.set(`${d.hookId} ${d.paperId}`, [...(byPaper.get(`${d.hookId} ${d.paperId}`) ?? []), d]);
  const report: ResendReport = { resent: 0, papers: 0, waiting: [] };
  for (const group of byPaper.values()) {
    if (await resendPaper(deps, group, by)) {
      report.resent += group.length;
      report.papers++;
    } else report.waiting.push(group[0]?.paperId ?? '');
  }
  return report;
}

/** Resend one delivery and the later ones of its paper on the same hook. */
export async function resendDelivery(
  deps: LineDeps,
  hookId: string,
  deliveryId: string,
  by: string,
): Promise<ResendReport> {
  const d = await deps.webhooks.delivery(hookId, deliveryId);
  if (!d)
    throw new NotFoundError(
      'delivery',
      deliveryId,
      `\`laysum webhooks list\` shows ${hookId}'s recent deliveries (records are kept WEBHOOK_KEEP_DAYS days).`,
    );
  const later = (await deps.lines.since(hookId, Date.parse(d.createdAt))).filter(
    (x) => x.paperId === d.paperId && x.id !== d.id,
  );
  return resendGrouped(deps, [d, ...later], by);
}

/** "2026-12-01", "2026-12-01T08:00Z", "6h", "2d": the start of a resend. */
export function parseSince(input: string, now = Date.now()): number {
  const relative = /^(\d+)\s*(m|h|d)$/i.exec(input.trim());
  if (relative) {
    const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[
      (relative[2] ?? 'h').toLowerCase() as 'm' | 'h' | 'd'
    ];
    return now - Number(relative[1]) * unit;
  }
  const at = Date.parse(input.trim());
  if (Number.isNaN(at) || at > now)
    throw new InputError(`"${input}" is not a time in the past.`, {
      hint: 'Give an ISO date or time (2026-12-01, 2026-12-01T08:00Z) or a span back from now (90m, 6h, 2d).',
    });
  return at;
}

/** Resend every delivery made since `sinceMs`, for one hook or every hook. */
export async function resendSince(
  deps: LineDeps,
  hookIds: readonly string[],
  sinceMs: number,
  by: string,
): Promise<ResendReport> {
  const all: Delivery[] = [];
  for (const id of hookIds) all.push(...(await deps.lines.since(id, sinceMs)));
  return resendGrouped(deps, all, by);
}

/** "Resent 4 deliveries for 2 papers; 1 paper still has deliveries waiting (p0123…), sent in order." */
export function resendLine(r: ResendReport): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const head =
    r.resent === 0 && r.waiting.length === 0
      ? 'Nothing to resend in that time.'
      : `Resent ${plural(r.resent, 'delivery').replace('deliverys', 'deliveries')} for ${plural(r.papers, 'paper')}.`;
  if (r.waiting.length === 0) return head;
  return `${head} Left alone (deliveries still waiting to be sent, in order): ${r.waiting.join(', ')}.`;
}
