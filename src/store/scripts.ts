/**
 * Lua scripts that make each store change atomic: a paper's state, its
 * indexes, its drafts and its audit entry change together or not at all.
 *
 * Keys are derived from ARGV's prefix inside the scripts where they depend on
 * data (the old state's index); LaySum targets a single Redis, not a cluster.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface Script {
  source: string;
  sha: string;
}

function script(source: string): Script {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * Create a paper unless one of its identities is already known.
 * KEYS: paper, papersByTime, audit(id), auditAll, ...identKeys
 * ARGV: prefix, id, doc, nowMs, nowIso, auditEntry
 * Returns {1, id} when created, {0, existingId} for a duplicate.
 */
export const CREATE_PAPER = script(`
for i = 5, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing then
    if redis.call('EXISTS', ARGV[1] .. ':paper:' .. existing) == 1 then return {0, existing} end
    local merged = redis.call('GET', ARGV[1] .. ':merged:' .. existing)
    if merged and redis.call('EXISTS', ARGV[1] .. ':paper:' .. merged) == 1 then return {0, merged} end
  end
end
for i = 5, #KEYS do redis.call('SET', KEYS[i], ARGV[2]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[3], 'state', 'queued', 'reason', '', 'createdAt', ARGV[5], 'updatedAt', ARGV[5])
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[2])
redis.call('ZADD', ARGV[1] .. ':state:queued', ARGV[4], ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[6])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[6])
return {1, ARGV[2]}
`);

/**
 * Move a paper to a new state if its current state allows it.
 * KEYS: paper, audit(id), auditAll
 * ARGV: prefix, id, allowedFrom ('*' or comma list), newState, reason, nowMs, nowIso, auditEntry ('' for none)
 * Returns the previous state, or an error 'NOT_FOUND' / 'BAD_STATE <current>'.
 */
export const TRANSITION = script(`
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
if ARGV[3] ~= '*' then
  local ok = false
  for s in string.gmatch(ARGV[3], '[^,]+') do if s == cur then ok = true end end
  if not ok then return redis.error_reply('BAD_STATE ' .. cur) end
end
redis.call('HSET', KEYS[1], 'state', ARGV[4], 'reason', ARGV[5], 'updatedAt', ARGV[7])
redis.call('ZREM', ARGV[1] .. ':state:' .. cur, ARGV[2])
redis.call('ZADD', ARGV[1] .. ':state:' .. ARGV[4], ARGV[6], ARGV[2])
if ARGV[8] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[8])
  redis.call('XADD', KEYS[3], '*', 'entry', ARGV[8])
end
return cur
`);

/**
 * Append a draft version if the list has exactly `expected` versions, and
 * move the paper to newState (if its state is allowed).
 * KEYS: paper, drafts, audit(id), auditAll
 * ARGV: prefix, id, expected, draft, allowedFrom, newState, nowMs, nowIso, auditEntry
 * Returns the new length, or 'EXISTS <len>' when that version was already written,
 * or errors 'NOT_FOUND' / 'BAD_STATE <cur>' / 'STALE <len>'.
 */
export const ADD_DRAFT = script(`
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
local len = redis.call('LLEN', KEYS[2])
local expected = tonumber(ARGV[3])
if len > expected and ARGV[5] ~= '*' then return 'EXISTS ' .. len end
if len ~= expected then return redis.error_reply('STALE ' .. len) end
if ARGV[5] ~= '*' then
  local ok = false
  for s in string.gmatch(ARGV[5], '[^,]+') do if s == cur then ok = true end end
  if not ok then return redis.error_reply('BAD_STATE ' .. cur) end
end
redis.call('RPUSH', KEYS[2], ARGV[4])
if ARGV[6] ~= '' and ARGV[6] ~= cur then
  redis.call('HSET', KEYS[1], 'state', ARGV[6], 'reason', '')
  redis.call('ZREM', ARGV[1] .. ':state:' .. cur, ARGV[2])
  redis.call('ZADD', ARGV[1] .. ':state:' .. ARGV[6], ARGV[7], ARGV[2])
end
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[8])
redis.call('RPUSH', KEYS[3], ARGV[9])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[9])
return len + 1
`);

/**
 * Record what ingest learned (the normalized record) and claim the identities
 * it revealed (a PMID submission reveals a DOI). If another live paper already
 * holds one of them, nothing is written and that paper's id is returned.
 * KEYS: paper, ...identKeys
 * ARGV: prefix, id, doc, nowIso
 */
export const SET_RECORD = script(`
for i = 2, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing and existing ~= ARGV[2] and redis.call('EXISTS', ARGV[1] .. ':paper:' .. existing) == 1 then
    return existing
  end
end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[3], 'updatedAt', ARGV[4])
return ''
`);

export async function runScript(
  redis: Redis,
  s: Script,
  keys: readonly string[],
  args: readonly (string | number)[],
): Promise<unknown> {
  try {
    return await redis.evalsha(s.sha, keys.length, ...keys, ...args);
  } catch (err) {
    if (err instanceof Error && err.message.includes('NOSCRIPT')) {
      return redis.eval(s.source, keys.length, ...keys, ...args);
    }
    throw err;
  }
}
