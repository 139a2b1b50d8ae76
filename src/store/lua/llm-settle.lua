--[[
  An LLM request is over: free its slot in flight, move its entries in the
  request and token windows to now (the provider saw it no later than this,
  however long it took to leave this process: a late departure can never put
  two windows' worth in one of the provider's), and replace its token
  estimate with what the provider's `usage` says it cost.

  Input:
    KEYS[1]  tokens in the window (sorted set: "id/tokens" by time)
    KEYS[2]  calls in flight (sorted set: id by lease expiry)
    KEYS[3]  requests in the window (sorted set: id by time)

    ARGV[1]  the request's id
    ARGV[2]  its estimated tokens
    ARGV[3]  its actual tokens (usage.total_tokens; the estimate when unknown)

  Output:
    1 if the estimate was still in the window and was corrected, else 0
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  redis.call('ZADD', KEYS[3], now, ARGV[1])
end
local member = ARGV[1] .. '/' .. ARGV[2]
if not redis.call('ZSCORE', KEYS[1], member) then return 0 end
redis.call('ZREM', KEYS[1], member)
redis.call('ZADD', KEYS[1], now, ARGV[1] .. '/' .. ARGV[3])
return 1
