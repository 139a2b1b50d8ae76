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
  auditAll: string;
  papersByTime: string;
  state(state: string): string;
  topic(topic: string): string;
  ident(kind: string, value: string): string;
  /** Papers whose publication is live, by the time their current version went live. */
  publicIndex: string;
  /** Bumped on every publish and withdrawal: the published site's caches watch it. */
  publicationGeneration: string;
  /** The fleet's LLM limits, pause, cache, usage ledger and metrics (src/store/llm-gate.ts, llm-usage.ts). */
  llm(part: string): string;
  /** BullMQ's own prefix: queues live under `${prefix}:q:<queue>`. */
  bullPrefix: string;
}

export function keys(prefix: string): Keys {
  return {
    prefix,
    paper: (id) => `${prefix}:paper:${id}`,
    drafts: (id) => `${prefix}:drafts:${id}`,
    audit: (id) => `${prefix}:audit:${id}`,
    blob: (id) => `${prefix}:blob:${id}`,
    merged: (id) => `${prefix}:merged:${id}`,
    auditAll: `${prefix}:audit-log`,
    papersByTime: `${prefix}:papers`,
    state: (s) => `${prefix}:state:${s}`,
    topic: (t) => `${prefix}:topic:${t}`,
    ident: (kind, value) => `${prefix}:ident:${kind}:${value}`,
    publicIndex: `${prefix}:public`,
    publicationGeneration: `${prefix}:public-gen`,
    llm: (part) => `${prefix}:llm:${part}`,
    bullPrefix: `${prefix}:q`,
  };
}
