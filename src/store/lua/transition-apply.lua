--[[
  Included by the scripts that move a paper between states (see `--#include`
  in ../commands.ts): if its current state allows it, set the new state, move
  it between the state indexes and write the audit entry. The failure record
  is set when the paper fails and removed on any other move (a retry).

  Input:
    paper       paper hash
    stateIndex  the new state's index (sorted set)
    audit       the paper's audit list
    auditLog    the audit log (stream)
    statePrefix state index key prefix (keys.state('')), for the current state's index
    allowed     allowed current states: '*' or a comma list
    entry       audit entry (JSON; '' for none)
    failure     failure record (JSON; '' for none)

  Output:
    laysum_allowed(allowed, cur): whether a paper in state `cur` may move
    (`allowed` as above: the from-states of ../../domain/transitions.ts)
    laysum_transition(paper, stateIndex, audit, auditLog, statePrefix, id, allowed, to,
    reason, nowMs, nowIso, entry, failure, indexPrefix): the previous state, or an
    error reply; the index's per-state sort sets follow (./index-apply.lua,
    which the including script must include first)
    ('NOT_FOUND', 'BAD_STATE <current>') for the caller to return
]]
local function laysum_allowed(allowed, cur)
  if allowed == '*' then return true end
  for s in string.gmatch(allowed, '[^,]+') do if s == cur then return true end end
  return false
end

local function laysum_transition(paper, stateIndex, audit, auditLog, statePrefix, id, allowed, to, reason, nowMs, nowIso, entry, failure, indexPrefix)
  local cur = redis.call('HGET', paper, 'state')
  if not cur then return redis.error_reply('NOT_FOUND') end
  if not laysum_allowed(allowed, cur) then return redis.error_reply('BAD_STATE ' .. cur) end
  redis.call('HSET', paper, 'state', to, 'reason', reason, 'updatedAt', nowIso)
  if failure ~= '' then
    redis.call('HSET', paper, 'failure', failure)
  else
    redis.call('HDEL', paper, 'failure')
  end
  redis.call('ZREM', statePrefix .. cur, id)
  redis.call('ZADD', stateIndex, nowMs, id)
  laysum_index_move(indexPrefix, id, to)
  if entry ~= '' then
    redis.call('RPUSH', audit, entry)
    redis.call('XADD', auditLog, '*', 'entry', entry)
  end
  return cur
end
