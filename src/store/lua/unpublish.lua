--[[
  Withdraw a live page: the paper moves to the new state ('unpublished'), its publication is
  marked withdrawn (the page answers 410), it leaves the public index, and
  any approval is voided (publishing again needs a new review).

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the new state's index (sorted set)
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)
    KEYS[5]  the public index (sorted set)
    KEYS[6]  the publication generation (counter)
    KEYS[7]  the public site's changes (stream)
    KEYS[8]  today's decision counts (hash)

    ARGV[1]  state index key prefix (keys.state(''))
    ARGV[2]  paper id
    ARGV[3]  the publication record as read before (JSON): it must not have changed
    ARGV[4]  the withdrawn publication record (JSON)
    ARGV[5]  reason
    ARGV[6]  now, ms
    ARGV[7]  now, ISO
    ARGV[8]  audit entry (JSON)
    ARGV[9]  allowed current states: '*' or a comma list (the table in
             ../../domain/transitions.ts says '*': the live publication decides)
    ARGV[10] new state
    ARGV[11] index key prefix (keys.index(''))

  Output:
    the previous state
    error 'NOT_FOUND', 'NOT_LIVE' or 'CHANGED'
]]
--#include index-apply.lua
--#include public-change.lua
--#include decision-count.lua
--#include transition-apply.lua
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
if not laysum_allowed(ARGV[9], cur) then return redis.error_reply('BAD_STATE ' .. cur) end
local publication = redis.call('HGET', KEYS[1], 'publication')
if not publication then return redis.error_reply('NOT_LIVE') end
if publication ~= ARGV[3] then return redis.error_reply('CHANGED') end
redis.call('HSET', KEYS[1], 'state', ARGV[10], 'reason', ARGV[5], 'updatedAt', ARGV[7], 'publication', ARGV[4])
redis.call('HDEL', KEYS[1], 'approval')
redis.call('ZREM', ARGV[1] .. cur, ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[2])
laysum_index_move(ARGV[11], ARGV[2], ARGV[10])
redis.call('ZREM', KEYS[5], ARGV[2])
laysum_public_change(KEYS[6], KEYS[7], ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[8])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[8])
laysum_count_decision(KEYS[8], ARGV[8])
return cur
