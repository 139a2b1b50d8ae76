--[[
  Store a new webhook delivery and put it at the end of its paper's line (one
  line per hook and paper: a delivery is sent only once those before it were
  delivered or given up). A delivery seen before is left as it is.

  Input:
    KEYS[1]  the hook's deliveries (hash id -> JSON)
    KEYS[2]  the hook's deliveries by time (sorted set)
    KEYS[3]  the line of this hook and paper (list of delivery ids, head first)
    KEYS[4]  the hook's papers that have a line (set)

    ARGV[1]  the delivery id
    ARGV[2]  the delivery JSON
    ARGV[3]  its time (ms), the sorted set's score
    ARGV[4]  the paper id

  Output:
    { 1 if stored now else 0, the line's head or '' }
]]
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then
  return { 0, redis.call('LINDEX', KEYS[3], 0) or '' }
end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('RPUSH', KEYS[3], ARGV[1])
redis.call('SADD', KEYS[4], ARGV[4])
return { 1, redis.call('LINDEX', KEYS[3], 0) or '' }
