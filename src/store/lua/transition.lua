--[[
  Move a paper to a new state if its current state allows it, moving it
  between the state indexes and writing the audit entry. The failure record
  is set when the paper fails and removed on any other move (a retry).

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the new state's index (sorted set)
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)

    ARGV[1]  state index key prefix (keys.state('')), for the current state's index
    ARGV[2]  paper id
    ARGV[3]  allowed current states: '*' or a comma list
    ARGV[4]  new state
    ARGV[5]  reason ('' for none)
    ARGV[6]  now, ms
    ARGV[7]  now, ISO
    ARGV[8]  audit entry (JSON; '' for none)
    ARGV[9]  failure record (JSON; '' for none)

  Output:
    the previous state
    error 'NOT_FOUND' or 'BAD_STATE <current>'
]]
local cur = redis.call('HGET', KEYS[1], 'state')
if not cur then return redis.error_reply('NOT_FOUND') end
if ARGV[3] ~= '*' then
  local ok = false
  for s in string.gmatch(ARGV[3], '[^,]+') do if s == cur then ok = true end end
  if not ok then return redis.error_reply('BAD_STATE ' .. cur) end
end
redis.call('HSET', KEYS[1], 'state', ARGV[4], 'reason', ARGV[5], 'updatedAt', ARGV[7])
if ARGV[9] ~= '' then
  redis.call('HSET', KEYS[1], 'failure', ARGV[9])
else
  redis.call('HDEL', KEYS[1], 'failure')
end
redis.call('ZREM', ARGV[1] .. cur, ARGV[2])
redis.call('ZADD', KEYS[2], ARGV[6], ARGV[2])
if ARGV[8] ~= '' then
  redis.call('RPUSH', KEYS[3], ARGV[8])
  redis.call('XADD', KEYS[4], '*', 'entry', ARGV[8])
end
return cur
