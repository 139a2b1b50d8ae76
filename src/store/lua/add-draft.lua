--[[
  Append draft version `expected + 1` if the list has exactly `expected`
  versions, and move the paper to a new state (if its state is allowed). Any
  approval is voided: it named an older version. A live publication stays as
  it is (the public keeps seeing the approved version).

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the paper's drafts list
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)

    ARGV[1]  state index key prefix (keys.state(''))
    ARGV[2]  paper id
    ARGV[3]  expected number of versions
    ARGV[4]  draft (JSON)
    ARGV[5]  allowed current states: '*' or a comma list
    ARGV[6]  new state ('' to keep the current one)
    ARGV[7]  now, ms
    ARGV[8]  now, ISO
    ARGV[9]  audit entry (JSON)
    ARGV[10] 'job' (a retried summarize job: a version already written is
             'EXISTS', not an error) or 'edit' (a stale base is 'STALE')
    ARGV[11] index key prefix (keys.index(''))
    ARGV[12] index memo for the paper with this draft (./index-apply.lua; '' to
             leave the index to the caller)
    ARGV[13] SHA-1 of the paper's doc the memo was made from: the memo is
             applied only if the doc is still that one
    ARGV[14] the paper's index memo key

  Output:
    {the new number of versions, 1 if indexed here else 0}
    'EXISTS <len>' when that version was already written (a retried job)
    error 'NOT_FOUND', 'BAD_STATE <current>' or 'STALE <len>'
]]
--#include index-apply.lua
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
local len = redis.call('LLEN', KEYS[2])
local expected = tonumber(ARGV[3])
if len > expected and ARGV[10] == 'job' then return 'EXISTS ' .. len end
if len ~= expected then return redis.error_reply('STALE ' .. len) end
if ARGV[5] ~= '*' then
  local ok = false
  for s in string.gmatch(ARGV[5], '[^,]+') do if s == cur then ok = true end end
  if not ok then return redis.error_reply('BAD_STATE ' .. cur) end
end
redis.call('RPUSH', KEYS[2], ARGV[4])
redis.call('HDEL', KEYS[1], 'approval')
if ARGV[6] ~= '' and ARGV[6] ~= cur then
  redis.call('HSET', KEYS[1], 'state', ARGV[6], 'reason', '')
  redis.call('HDEL', KEYS[1], 'failure')
  redis.call('ZREM', ARGV[1] .. cur, ARGV[2])
  redis.call('ZADD', ARGV[1] .. ARGV[6], ARGV[7], ARGV[2])
  laysum_index_move(ARGV[11], ARGV[2], ARGV[6])
end
-- 'drafts': the list's length beside the paper, so reading a paper is one command.
redis.call('HSET', KEYS[1], 'updatedAt', ARGV[8], 'drafts', len + 1)
redis.call('RPUSH', KEYS[3], ARGV[9])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[9])
local indexed = 0
if ARGV[12] ~= '' and redis.sha1hex(redis.call('HGET', KEYS[1], 'doc') or '') == ARGV[13] then
  laysum_index(ARGV[14], ARGV[11], ARGV[2], ARGV[12], false)
  indexed = 1
end
return {len + 1, indexed}
