--[[
  One LLM request through the fleet's limits, on the Redis server's clock:
  a pause after a 429, a cap on calls in flight, requests and tokens per
  sliding window, and a pace of one request per (window + margin) / rpm so a
  provider that enforces its limit over shorter periods never sees a burst
  (of more than three requests, after an idle spell).

  Input:
    KEYS[1]  requests in the window (sorted set: id by start time, then by end time once settled)
    KEYS[2]  tokens in the window (sorted set: "id/tokens" by start time, then end time)
    KEYS[3]  calls in flight (sorted set: id by lease expiry)
    KEYS[4]  the fleet's pause (a string whose TTL is the pause)
    KEYS[5]  the pace (earliest start of the next request, ms)

    ARGV[1]  requests per window (0: no limit)
    ARGV[2]  tokens per window (0: no limit)
    ARGV[3]  calls in flight (0: no limit)
    ARGV[4]  window, ms
    ARGV[5]  safety margin added to the window, ms
    ARGV[6]  the request's estimated tokens
    ARGV[7]  a unique id for this request
    ARGV[8]  lease of a call in flight, ms (released early by llm-settle.lua)

  Output:
    {0, "ok"}          the request may go now (and is counted)
    {ms, reason}       wait this long, then ask again; reason is
                       paused | concurrency | rpm | tpm
]]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rpm = tonumber(ARGV[1])
local tpm = tonumber(ARGV[2])
local cap = tonumber(ARGV[3])
local span = tonumber(ARGV[4]) + tonumber(ARGV[5])
local estimate = tonumber(ARGV[6])
local id = ARGV[7]

local paused = redis.call('PTTL', KEYS[4])
if paused > 0 then return {paused, 'paused'} end

if cap > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[3], 0, now)
  if redis.call('ZCARD', KEYS[3]) >= cap then return {20, 'concurrency'} end
end

if rpm > 0 then
  local nextStart = tonumber(redis.call('GET', KEYS[5]) or '0')
  if nextStart > now then return {nextStart - now, 'rpm'} end
  redis.call('ZREMRANGEBYSCORE', KEYS[1], 0, now - span)
  if redis.call('ZCARD', KEYS[1]) >= rpm then
    local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
    return {math.max(1, tonumber(oldest[2]) + span - now), 'rpm'}
  end
end

if tpm > 0 then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], 0, now - span)
  local entries = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
  local used = 0
  for i = 1, #entries, 2 do
    used = used + tonumber(string.match(entries[i], '/(%d+)$'))
  end
  if used + estimate > tpm then
    local freed = 0
    for i = 1, #entries, 2 do
      freed = freed + tonumber(string.match(entries[i], '/(%d+)$'))
      if used - freed + estimate <= tpm then
        return {math.max(1, tonumber(entries[i + 1]) + span - now), 'tpm'}
      end
    end
    return {span, 'tpm'}
  end
end

if rpm > 0 then
  redis.call('ZADD', KEYS[1], now, id)
  redis.call('PEXPIRE', KEYS[1], span * 2)
  -- The pace runs on its own schedule, so a caller woken late does not push every later request back;
  -- a fleet that fell behind catches up by at most two requests (the window above still caps the total).
  local spacing = math.ceil(span / rpm)
  local nextStart = tonumber(redis.call('GET', KEYS[5]) or '0')
  redis.call('SET', KEYS[5], math.max(nextStart, now - 2 * spacing) + spacing, 'PX', span * 2)
end
if tpm > 0 then
  redis.call('ZADD', KEYS[2], now, id .. '/' .. estimate)
  redis.call('PEXPIRE', KEYS[2], span * 2)
end
if cap > 0 then
  redis.call('ZADD', KEYS[3], now + tonumber(ARGV[8]), id)
  redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[8]) * 2)
end
return {0, 'ok'}
