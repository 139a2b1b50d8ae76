/**
 * The paper store: papers with their state, drafts and audit trail in Redis.
 * Each change is one atomic script (./lua/*.lua, through ./commands.ts); reads
 * validate with the domain schemas so a corrupt record is reported, not
 * passed along.
 */
import { createHash } from 'node:crypto';
import { type AuditEntry, AuditEntry as AuditEntrySchema, Draft } from '../domain/draft.ts';
import { FailureRecord } from '../domain/failure.ts';
import type { Identity } from '../domain/identity.ts';
import { type Origin, Paper, type PaperRecord, type Submission, submitterOf } from '../domain/paper.ts';
import type { AddDraftOptions, Papers, TransitionInput } from '../domain/ports/papers.ts';
import { Approval, Publication } from '../domain/publication.ts';
import type { PaperState } from '../domain/state.ts';
import { TRANSITIONS } from '../domain/transitions.ts';
import { NotFoundError } from '../errors/not-found-error.ts';
import { AuditLog } from './audit-log.ts';
import { type StoreRedis, storeCommands } from './commands.ts';
import { markDecisionCounting } from './decision-counts.ts';
import { holdInternals } from './internals.ts';
import { type Keys, keys as makeKeys } from './keys.ts';
import { DocSchema, identityKey, newPaperId } from './paper-doc.ts';
import { PublicSiteStore } from './public-site.ts';
import type { RedisClient } from './redis-client.ts';
import { auditEntry, scriptError } from './script-results.ts';
import { SearchIndex } from './search-index.ts';

export type { TransitionInput } from '../domain/ports/papers.ts';
export { DocSchema } from './paper-doc.ts';
export type { AuditInput } from './script-results.ts';

/** The papers port (../domain/ports/papers.ts) in Redis. */
export class PaperStore implements Papers {
  private readonly keys: Keys;
  /** The connection with the store's scripts defined (./commands.ts); the folder's other modules reach it through ./internals.ts. */
  private readonly scripts: StoreRedis;
  /** The queue's search index, kept in step with every record and draft written here. */
  readonly index: SearchIndex;
  /** The audit log: every paper's entries in order. */
  readonly auditLog: AuditLog;
  /** What the published site's caches read: generation, changes, the public index. */
  readonly publicSite: PublicSiteStore;
  /** The stored doc (JSON) each paper read here was made from (see `addDraft`). */
  private readonly docs = new WeakMap<Paper, string>();
  constructor(
    private readonly redis: RedisClient,
    prefix: string,
  ) {
    this.keys = makeKeys(prefix);
    this.scripts = storeCommands(redis);
    this.index = new SearchIndex(this.scripts, this.keys);
    this.auditLog = new AuditLog(redis, this.keys);
    this.publicSite = new PublicSiteStore(redis, this.keys);
    holdInternals(this, { redis, keys: this.keys, scripts: this.scripts });
  }

  /** Whether the search index covers every paper (built for this index version). */
  indexReady(): Promise<boolean> {
    return this.index.isBuilt();
  }

  /** Index a paper's record and latest draft (gone: out of the index); `full` rewrites every membership. */
  async reindex(id: string, full = false): Promise<void> {
    const [paper, draft] = await Promise.all([this.get(id), this.latestDraft(id)]);
    await (paper ? this.index.put(paper, draft, full) : this.index.remove(id));
  }

  /** Create a paper, or return the id of the paper that already holds one of its identities. */
  async create(input: {
    submission: Submission;
    origin: Origin;
    identities: readonly Identity[];
    id?: string;
  }): Promise<{ created: boolean; id: string }> {
    const id = input.id ?? newPaperId();
    const parsed = DocSchema.parse({ ...input, record: null });
    const doc = JSON.stringify(parsed);
    const now = new Date();
    const { to, action } = TRANSITIONS.submit;
    const entry = auditEntry(id, { actor: input.origin.actor, action }, null, to, now);
    const k = this.keys;
    const submitter = submitterOf(input.origin.actor);
    const identKeys = input.identities.map((i) => k.ident(i.kind, identityKey(i)));
    const fixed = [k.paper(id), k.papersByTime, k.state(to), k.audit(id), k.auditAll];
    await markDecisionCounting(this.redis, k);
    const [created, existing] = await this.scripts.laysumCreatePaper(
      fixed.length + identKeys.length,
      ...fixed,
      ...identKeys,
      ...[k.paper(''), k.merged(''), id, doc, now.getTime(), now.toISOString(), entry],
      // A new paper is indexed by the script itself.
      ...this.index.memo({ id, ...parsed }, null),
      // A paper they sent that was already known is theirs to follow too.
      submitter ? k.submittedBy(submitter) : '',
    );
    // When the paper existed: a retry after a lost connection indexes what the first try could not.
    if (created !== 1) await this.reindex(existing);
    return { created: created === 1, id: existing };
  }

  async get(id: string): Promise<Paper | null> {
    const hash = await this.redis.hgetall(this.keys.paper(id));
    if (!hash.doc) return null;
    // The drafts list's length is kept in the hash (create-paper.lua, add-draft.lua); papers
    // stored before it was are counted from the list.
    const draftCount = hash.drafts ? Number(hash.drafts) : await this.redis.llen(this.keys.drafts(id));
    const doc = DocSchema.parse(JSON.parse(hash.doc));
    const paper = Paper.parse({
      id,
      ...doc,
      state: hash.state,
      reason: hash.reason ? hash.reason : null,
      createdAt: hash.createdAt,
      updatedAt: hash.updatedAt,
      draftCount,
      failure: hash.failure ? FailureRecord.parse(JSON.parse(hash.failure)) : null,
      approval: hash.approval ? Approval.parse(JSON.parse(hash.approval)) : null,
      publication: hash.publication ? Publication.parse(JSON.parse(hash.publication)) : null,
    });
    this.docs.set(paper, hash.doc);
    return paper;
  }

  async require(id: string): Promise<Paper> {
    const paper = await this.get(id);
    if (!paper) throw new NotFoundError('paper', id);
    return paper;
  }

  /** Move a paper between states; throws StateError when its state does not allow it. */
  async transition(id: string, t: TransitionInput): Promise<PaperState> {
    const now = new Date();
    const k = this.keys;
    const entry = auditEntry(id, t, null, t.to, now);
    const failure = t.failure ? JSON.stringify(FailureRecord.parse(t.failure)) : '';
    const allowed = t.from === '*' ? '*' : t.from.join(',');
    try {
      return (await this.scripts.laysumTransition(
        ...[k.paper(id), k.state(t.to), k.audit(id), k.auditAll],
        ...[k.state(''), id, allowed, t.to, t.reason ?? '', now.getTime(), now.toISOString(), entry, failure],
      )) as PaperState;
    } catch (err) {
      throw scriptError(err, id, t.action, t.from);
    }
  }

  /**
   * Store the ingested record and index it; returns the id of an existing
   * paper if the record reveals a duplicate (then nothing is written). With
   * `then`, the paper also makes that transition, in the same script (after
   * the record, which stays written if its state does not allow it).
   */
  async setRecord(
    id: string,
    paper: Paper,
    record: PaperRecord,
    identities: readonly Identity[],
    then?: Omit<TransitionInput, 'reason' | 'failure'>,
  ): Promise<string | null> {
    const k = this.keys;
    const parsed = DocSchema.parse({ submission: paper.submission, origin: paper.origin, record });
    const identKeys = identities.map((i) => k.ident(i.kind, identityKey(i)));
    // With no draft yet, the script indexes the paper; otherwise the latest draft is read back below.
    const [indexPrefix, memo, memoKey] = this.index.memo({ id, ...parsed }, null);
    const inScript = paper.draftCount === 0;
    const now = new Date();
    const to = then?.to ?? 'queued';
    const move = then
      ? [
          then.from === '*' ? '*' : then.from.join(','),
          to,
          now.getTime(),
          auditEntry(id, then, null, to, now),
        ]
      : ['', '', now.getTime(), ''];
    let existing: string;
    try {
      existing = await this.scripts.laysumSetRecord(
        4 + identKeys.length,
        ...[k.paper(id), k.state(to), k.audit(id), k.auditAll, ...identKeys],
        ...[k.paper(''), id, JSON.stringify(parsed), now.toISOString()],
        ...[indexPrefix, inScript ? memo : '', k.state(''), ...move, memoKey],
      );
    } catch (err) {
      if (!then) throw err;
      const refused = scriptError(err, id, then.action, then.from);
      // Refused by the transition: the record was written, as it was when these were two calls.
      if (refused !== err && !inScript) await this.reindex(id);
      throw refused;
    }
    if (existing !== '') return existing;
    if (!inScript) await this.reindex(id);
    return null;
  }

  /**
   * Append draft version `expected + 1`, voiding any approval. For a summarize
   * job (`mode: 'job'`) an existing version returns false and writes nothing,
   * so a retried job never adds a second draft; for a reviewer's edit
   * (`'edit'`) a stale base is a ConflictError.
   */
  async addDraft(id: string, draft: Draft, opts: AddDraftOptions): Promise<boolean> {
    const now = new Date();
    const k = this.keys;
    const entry = auditEntry(id, opts, null, opts.to, now);
    const parsed = Draft.parse(draft);
    const doc = opts.paper && this.docs.get(opts.paper);
    const [indexPrefix, memo, memoKey] =
      opts.paper && doc ? this.index.memo(opts.paper, parsed) : [this.keys.index(''), '', ''];
    try {
      const res = await this.scripts.laysumAddDraft(
        ...[k.paper(id), k.drafts(id), k.audit(id), k.auditAll],
        ...[
          k.state(''),
          id,
          opts.expected,
          JSON.stringify(parsed),
          opts.from === '*' ? '*' : opts.from.join(','),
          opts.to ?? '',
          now.getTime(),
          now.toISOString(),
          entry,
          opts.mode,
          indexPrefix,
          memo,
          doc ? createHash('sha1').update(doc).digest('hex') : '',
          memoKey,
        ],
      );
      const indexed = Array.isArray(res) && res[1] === 1;
      if (!indexed) await this.reindex(id);
      return Array.isArray(res);
    } catch (err) {
      throw scriptError(err, id, opts.action, opts.from, opts.expected);
    }
  }

  async drafts(id: string): Promise<Draft[]> {
    const raw = await this.redis.lrange(this.keys.drafts(id), 0, -1);
    return raw.map((r) => Draft.parse(JSON.parse(r)));
  }

  /** Draft version `version` (1-based), or null when there is no such version. */
  async draftVersion(id: string, version: number): Promise<Draft | null> {
    const raw = await this.redis.lindex(this.keys.drafts(id), version - 1);
    return raw ? Draft.parse(JSON.parse(raw)) : null;
  }

  async latestDraft(id: string): Promise<Draft | null> {
    const raw = await this.redis.lindex(this.keys.drafts(id), -1);
    return raw ? Draft.parse(JSON.parse(raw)) : null;
  }

  /** Paper ids in a state (or all), oldest first. */
  async ids(state?: PaperState, limit = 500, offset = 0): Promise<string[]> {
    const key = state ? this.keys.state(state) : this.keys.papersByTime;
    return this.redis.zrange(key, offset, offset + limit - 1);
  }

  /** Ids in a state either side of `id` (by when they entered it), up to `window` each way; the first ones when `id` is not in it. */
  async idsAround(state: PaperState, id: string, window: number): Promise<string[]> {
    const key = this.keys.state(state);
    const at = await this.redis.zrank(key, id);
    return at === null
      ? this.redis.zrange(key, 0, window)
      : this.redis.zrange(key, Math.max(0, at - window), at + window);
  }

  async count(state?: PaperState): Promise<number> {
    return this.redis.zcard(state ? this.keys.state(state) : this.keys.papersByTime);
  }

  async list(state?: PaperState, limit = 500, offset = 0): Promise<Paper[]> {
    const ids = await this.ids(state, limit, offset);
    const papers = await Promise.all(ids.map((id) => this.get(id)));
    return papers.filter((p): p is Paper => p !== null);
  }

  async audit(id: string): Promise<AuditEntry[]> {
    const raw = await this.redis.lrange(this.keys.audit(id), 0, -1);
    return raw.map((r) => AuditEntrySchema.parse(JSON.parse(r)));
  }

  /** The paper a discarded duplicate was merged into, if any. */
  async mergedInto(id: string): Promise<string | null> {
    return this.redis.get(this.keys.merged(id));
  }

  async putBlob(id: string, bytes: Uint8Array): Promise<void> {
    await this.redis.set(this.keys.blob(id), Buffer.from(bytes));
  }

  async getBlob(id: string): Promise<Buffer | null> {
    return this.redis.getBuffer(this.keys.blob(id));
  }
}
