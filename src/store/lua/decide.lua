--[[
  A reviewer's decision on one exact draft version: move the paper to a new
  state only if its state allows it and the version the reviewer saw is still
  the latest, and record (or void) the approval, with the audit entry.

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the new state's index (sorted set)
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)
    KEYS[5]  the paper's drafts list
    KEYS[6]  today's decision counts (hash; 'reopened' is not counted)

    ARGV[1]  state index key prefix (keys.state('')), for the current state's index
    ARGV[2]  paper id
    ARGV[3]  allowed current states: a comma list
    ARGV[4]  new state
    ARGV[5]  reason ('' for none)
    ARGV[6]  now, ms
    ARGV[7]  now, ISO
    ARGV[8]  audit entry (JSON)
    ARGV[9]  the draft version the decision is based on
    ARGV[10] approval record (JSON) to keep, or '' to void any approval
    ARGV[11] index key prefix (keys.index(''))

  Output:
    the previous state
    error 'NOT_FOUND', 'BAD_STATE <current>' or 'STALE <latest version>'
]]
--#include index-apply.lua
--#include decision-count.lua
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
local ok = false
for s in string.gmatch(ARGV[3], '[^,]+') do if s == cur then ok = true end end
if not ok then return redis.error_reply('BAD_STATE ' .. cur) end
local len = redis.call('LLEN', KEYS[5])
if len ~= tonumber(ARGV[9]) then return redis.error_reply('STALE ' .. len) end
redis.call('HSET', KEYS[1], 'state', ARGV[4], 'reason', ARGV[5], 'updatedAt', ARGV[7])
redis.call('HDEL', KEYS[1], 'failure')
if ARGV[10] ~= '' then
  redis.call('HSET', KEYS[1], 'approval', ARGV[10])
else
  redis.call('HDEL', KEYS[1], 'approval')
end
redis.call('ZREM', ARGV[1] .. cur, ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[2])
laysum_index_move(ARGV[11], ARGV[2], ARGV[4])
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[8])
laysum_count_decision(KEYS[6], ARGV[8])
return cur
