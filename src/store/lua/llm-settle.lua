--[[
  An LLM request is over: free its slot in flight and replace its token
  estimate with what the provider's `usage` says it cost (same start time,
  so it leaves the window when the estimate would have).

  Input:
    KEYS[1]  tokens in the window (sorted set: "id:tokens" by start time)
    KEYS[2]  calls in flight (sorted set: id by lease expiry)

    ARGV[1]  the request's id
    ARGV[2]  its estimated tokens
    ARGV[3]  its actual tokens (usage.total_tokens; the estimate when unknown)

  Output: 1 if the estimate was still in the window and was corrected, else 0
]]
redis.call('ZREM', KEYS[2], ARGV[1])
local member = ARGV[1] .. ':' .. ARGV[2]
local at = redis.call('ZSCORE', KEYS[1], member)
if not at then return 0 end
redis.call('ZREM', KEYS[1], member)
redis.call('ZADD', KEYS[1], at, ARGV[1] .. ':' .. ARGV[3])
return 1
