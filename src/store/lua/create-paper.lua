--[[
  Create a paper unless one of its identities is already known: claims every
  identity, stores the paper, indexes it and writes its first audit entry.

  Input:
    KEYS[1]   paper hash
    KEYS[2]   papers by time (sorted set)
    KEYS[3]   the 'queued' state index (sorted set)
    KEYS[4]   the paper's audit list
    KEYS[5]   the audit log (stream)
    KEYS[6..] identity keys (string: paper id)

    ARGV[1]   paper key prefix (keys.paper(''))
    ARGV[2]   merged-tombstone key prefix (keys.merged(''))
    ARGV[3]   paper id
    ARGV[4]   doc (JSON)
    ARGV[5]   now, ms
    ARGV[6]   now, ISO
    ARGV[7]   audit entry (JSON)
    ARGV[8]   index key prefix (keys.index(''))
    ARGV[9]   index memo (./index-apply.lua)
    ARGV[10]  the paper's index memo key
    ARGV[11]  the submitter's list (sorted set by time; '' when the actor is
              not a person): the paper joins it, new or already known

  Output:
    {1, id}          created
    {0, existingId}  an identity belongs to a live paper (or to one merged into a live paper)
]]
--#include index-apply.lua
local function follow(id)
  if ARGV[11] ~= '' then redis.call('ZADD', ARGV[11], 'NX', ARGV[5], id) end
end
for i = 6, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing then
    local known = nil
    if redis.call('EXISTS', ARGV[1] .. existing) == 1 then
      known = existing
    else
      local merged = redis.call('GET', ARGV[2] .. existing)
      if merged and redis.call('EXISTS', ARGV[1] .. merged) == 1 then known = merged end
    end
    if known then
      follow(known)
      return {0, known}
    end
  end
end
for i = 6, #KEYS do redis.call('SET', KEYS[i], ARGV[3]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[4], 'state', 'queued', 'reason', '', 'createdAt', ARGV[6], 'updatedAt', ARGV[6], 'drafts', 0)
redis.call('ZADD', KEYS[2], ARGV[5], ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[5], ARGV[3])
redis.call('RPUSH', KEYS[4], ARGV[7])
redis.call('XADD', KEYS[5], '*', 'entry', ARGV[7])
laysum_index(ARGV[10], ARGV[8], ARGV[3], ARGV[9], false)
laysum_index_place(ARGV[8], ARGV[3], 'queued', ARGV[5])
follow(ARGV[3])
return {1, ARGV[3]}
