--[[
  One page of the queue: the papers in every filter set, within a creation
  date range, ordered by creation time or by a sort score, with the total.
  Works on two scratch keys it deletes before returning, so nothing reads
  more than the sets it intersects.

  Input:
    KEYS[1]  scratch key
    KEYS[2]  second scratch key
    KEYS[3]  all papers by creation time (sorted set, ms)

    ARGV[1]  number of filter keys n (sets or sorted sets; their scores are ignored)
    ARGV[2..n+1]  the filter keys
    ARGV[n+2]  created from (ms, inclusive; '-inf' for none)
    ARGV[n+3]  created until (ms, inclusive; '+inf' for none)
    ARGV[n+4]  sort scores key ('' to order by creation time); papers without a score count as 0
    ARGV[n+5]  'desc' or 'asc'
    ARGV[n+6]  offset
    ARGV[n+7]  limit

  Output:
    { total, id... }
]]
local tmp, tmp2, base = KEYS[1], KEYS[2], KEYS[3]
local n = tonumber(ARGV[1])
local from, to = ARGV[n + 2], ARGV[n + 3]
local sortKey, order = ARGV[n + 4], ARGV[n + 5]
local offset, limit = tonumber(ARGV[n + 6]), tonumber(ARGV[n + 7])
local src = base
if n > 0 then
  local args = { 'ZINTERSTORE', tmp, n + 1, base }
  for i = 1, n do args[#args + 1] = ARGV[1 + i] end
  args[#args + 1] = 'WEIGHTS'
  args[#args + 1] = 1
  for _ = 1, n do args[#args + 1] = 0 end
  redis.call(unpack(args))
  src = tmp
end
if from ~= '-inf' or to ~= '+inf' then
  if src == base then
    redis.call('ZRANGESTORE', tmp, base, from, to, 'BYSCORE')
    src = tmp
  else
    if from ~= '-inf' then redis.call('ZREMRANGEBYSCORE', tmp, '-inf', '(' .. from) end
    if to ~= '+inf' then redis.call('ZREMRANGEBYSCORE', tmp, '(' .. to, '+inf') end
  end
end
if sortKey ~= '' then
  redis.call('ZUNIONSTORE', tmp2, 2, src, sortKey, 'WEIGHTS', 0, 1, 'AGGREGATE', 'MAX')
  redis.call('ZINTERSTORE', tmp2, 2, src, tmp2, 'WEIGHTS', 0, 1)
  src = tmp2
end
local total = redis.call('ZCARD', src)
local ids
if order == 'desc' then
  ids = redis.call('ZRANGE', src, offset, offset + limit - 1, 'REV')
else
  ids = redis.call('ZRANGE', src, offset, offset + limit - 1)
end
redis.call('DEL', tmp, tmp2)
local out = { total }
for _, id in ipairs(ids) do out[#out + 1] = id end
return out
