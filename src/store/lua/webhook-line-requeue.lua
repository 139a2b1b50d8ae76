--[[
  Send stored deliveries of one paper again, in the order given (an earlier
  delivery and every later one), as a new round: only when the paper's line
  for this hook is empty. A line still holding deliveries will end with the
  paper's latest event anyway, and putting earlier events behind it would
  send them out of order, so it is left alone.

  Input:
    KEYS[1]  the hook's deliveries (hash id -> JSON)
    KEYS[2]  the line of this hook and paper (list of delivery ids, head first)
    KEYS[3]  the hook's papers that have a line (set)

    ARGV[1]  the paper id
    ARGV[2], ARGV[3]...  pairs: a delivery id, its JSON for the new round

  Output:
    { 1 queued again | 0 the line is not empty | -1 a delivery no longer exists, the line's head or '' }
]]
if redis.call('LLEN', KEYS[2]) > 0 then
  return { 0, redis.call('LINDEX', KEYS[2], 0) or '' }
end
for i = 2, #ARGV, 2 do
  if redis.call('HEXISTS', KEYS[1], ARGV[i]) == 0 then return { -1, '' } end
end
for i = 2, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  redis.call('RPUSH', KEYS[2], ARGV[i])
end
redis.call('SADD', KEYS[3], ARGV[1])
return { 1, redis.call('LINDEX', KEYS[2], 0) or '' }
