--[[
  Publish the approved version: only a paper in an allowed state (approved:
  the table in ../../domain/transitions.ts), only the version that
  was approved, and only while it is still the latest version. The public
  index and the publication generation (which the site's caches watch)
  change with it.

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the new state's index (sorted set)
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)
    KEYS[5]  the paper's drafts list
    KEYS[6]  the public index (sorted set: live papers by last publication)
    KEYS[7]  the publication generation (counter)
    KEYS[8]  the public site's changes (stream)
    KEYS[9]  today's decision counts (hash)

    ARGV[1]  state index key prefix (keys.state(''))
    ARGV[2]  paper id
    ARGV[3]  the draft version to publish
    ARGV[4]  publication record (JSON)
    ARGV[5]  now, ms
    ARGV[6]  now, ISO
    ARGV[7]  audit entry (JSON)
    ARGV[8]  allowed current states: '*' or a comma list
    ARGV[9]  new state
    ARGV[10] index key prefix (keys.index(''))

  Output:
    the previous state
    error 'NOT_FOUND', 'BAD_STATE <current>', 'STALE <latest version>' or
    'NOT_APPROVED <approved version, 0 for none>'
]]
--#include index-apply.lua
--#include public-change.lua
--#include decision-count.lua
--#include transition-apply.lua
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
if not laysum_allowed(ARGV[8], cur) then return redis.error_reply('BAD_STATE ' .. cur) end
local len = redis.call('LLEN', KEYS[5])
local version = tonumber(ARGV[3])
if len ~= version then return redis.error_reply('STALE ' .. len) end
local approval = redis.call('HGET', KEYS[1], 'approval')
local approved = approval and cjson.decode(approval).version or 0
if approved ~= version then return redis.error_reply('NOT_APPROVED ' .. approved) end
redis.call('HSET', KEYS[1], 'state', ARGV[9], 'reason', '', 'updatedAt', ARGV[6], 'publication', ARGV[4])
redis.call('ZREM', ARGV[1] .. cur, ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[2])
laysum_index_move(ARGV[10], ARGV[2], ARGV[9])
redis.call('ZADD', KEYS[6], ARGV[5], ARGV[2])
laysum_public_change(KEYS[7], KEYS[8], ARGV[2])
redis.call('RPUSH', KEYS[3], ARGV[7])
redis.call('XADD', KEYS[4], '*', 'entry', ARGV[7])
laysum_count_decision(KEYS[9], ARGV[7])
return cur
