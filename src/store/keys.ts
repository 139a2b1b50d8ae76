/**
 * Every Redis key LaySum writes, in one place, all under the configured
 * prefix so several deployments or test runs can share one Redis.
 */
export interface Keys {
  prefix: string;
  paper(id: string): string;
  drafts(id: string): string;
  audit(id: string): string;
  blob(id: string): string;
  /** Tombstone of a paper found to be a duplicate at ingest: points at the paper it duplicated. */
  merged(id: string): string;
  /** A reviewer's claim on a paper (who, since when), expiring by itself (./claims.ts). */
  claim(id: string): string;
  auditAll: string;
  papersByTime: string;
  state(state: string): string;
  topic(topic: string): string;
  ident(kind: string, value: string): string;
  /** Papers whose publication is live, by the time their current version went live. */
  publicIndex: string;
  /** Bumped on every publish and withdrawal: the published site's caches watch it. */
  publicationGeneration: string;
  /** Stream of (generation, paper id), one entry per bump: what the site's caches apply (capped). */
  publicChanges: string;
  /** Decisions per person on one UTC day (`YYYY-MM-DD`), kept by the decision scripts (src/review/today.ts). */
  decidedOn(day: string): string;
  /** When the decision scripts started keeping those counts (ms): days before it are counted from the audit log. */
  decidedSince: string;
  /** The fleet's in-flight sweep lease (src/queue/sweep.ts): one sweep at a time. */
  sweepLock: string;
  /** The fleet's audit stream catch-up lease (./audit-mirror.ts, PostgreSQL records): one pass at a time. */
  auditMirrorLock: string;
  /**
   * The queue's search index (./search-index.ts): `index('tok:word')`, `index('sort:grade')`...;
   * lua/index-apply.lua also appends `memo:<id>`, `state-of` and `st:<state>/<sort>` to `index('')`.
   */
  index(part: string): string;
  /** The fleet's LLM limits, pause, cache, usage ledger and metrics (src/store/llm-gate.ts, llm-usage.ts). */
  llm(part: string): string;
  /** BullMQ's own prefix: queues live under `${prefix}:q:<queue>`. */
  bullPrefix: string;
  /** A shared rate limiter's key (a source API's requests per second). */
  rateLimit(name: string): string;
  /** Papers a person submitted (web:, api:, cli: actors), by submission time. */
  submittedBy(name: string): string;
  /** Set once the papers from before the submitter index have been indexed. */
  submittersIndexed: string;
  /** When a person last looked at a desk view (ms), for "changed since your last visit". */
  lastSeen(name: string, view: string): string;
  /** Webhooks: the hook ids, each hook, and its recent deliveries. */
  webhooks: string;
  webhook(id: string): string;
  webhookDeliveries(id: string): string;
  webhookDeliveryOrder(id: string): string;
}

export function keys(prefix: string): Keys {
  return {
    prefix,
    paper: (id) => `${prefix}:paper:${id}`,
    drafts: (id) => `${prefix}:drafts:${id}`,
    audit: (id) => `${prefix}:audit:${id}`,
    blob: (id) => `${prefix}:blob:${id}`,
    merged: (id) => `${prefix}:merged:${id}`,
    claim: (id) => `${prefix}:claim:${id}`,
    auditAll: `${prefix}:audit-log`,
    papersByTime: `${prefix}:papers`,
    state: (s) => `${prefix}:state:${s}`,
    topic: (t) => `${prefix}:topic:${t}`,
    ident: (kind, value) => `${prefix}:ident:${kind}:${value}`,
    publicIndex: `${prefix}:public`,
    publicationGeneration: `${prefix}:public-gen`,
    publicChanges: `${prefix}:public-changes`,
    decidedOn: (day) => `${prefix}:decided:${day}`,
    decidedSince: `${prefix}:decided-since`,
    sweepLock: `${prefix}:sweep-lock`,
    auditMirrorLock: `${prefix}:audit-mirror-lock`,
    index: (part) => `${prefix}:ix:${part}`,
    llm: (part) => `${prefix}:llm:${part}`,
    bullPrefix: `${prefix}:q`,
    rateLimit: (name) => `${prefix}:ratelimit:${name}`,
    submittedBy: (name) => `${prefix}:submitted-by:${name}`,
    submittersIndexed: `${prefix}:submitted-by-indexed`,
    lastSeen: (name, view) => `${prefix}:last-seen:${view}:${name}`,
    webhooks: `${prefix}:webhooks`,
    webhook: (id) => `${prefix}:webhook:${id}`,
    webhookDeliveries: (id) => `${prefix}:webhook:${id}:deliveries`,
    webhookDeliveryOrder: (id) => `${prefix}:webhook:${id}:delivery-order`,
  };
}
