--[[
  One request through a sliding-window rate limit, on the Redis server's
  clock (so machines with skewed clocks agree).

  Input:
    KEYS[1]  the window (sorted set of request ids by time)

    ARGV[1]  requests allowed per window
    ARGV[2]  window length, ms
    ARGV[3]  a unique id for this request

  Output:
    0    the request may go now (and is counted)
    ms   how long to wait before asking again
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
