--[[
  Claim a paper for one reviewer, for a while: one atomic step, so two
  reviewers opening the same draft at once cannot both get it.

  Input:
    KEYS[1]  the paper's claim (a string holding {"by", "since"}, expiring by itself)

    ARGV[1]  who claims it
    ARGV[2]  now (ISO time: "since" of a new claim)
    ARGV[3]  how long the claim lasts, ms
    ARGV[4]  '1' to take over a claim someone else holds, '0' not to

  Output:
    { outcome, claim, previous }, outcome one of:
    'claimed'   it was free: the claim is now ARGV[1]'s
    'renewed'   ARGV[1] already held it: same "since", expiry pushed back
    'taken'     someone else held it and ARGV[4] was '1': previous is their claim
    'held'      someone else holds it: claim is theirs, nothing changed
]]
local current = redis.call('GET', KEYS[1])
local ttl = tonumber(ARGV[3])
local mine = cjson.encode({ by = ARGV[1], since = ARGV[2] })
if not current then
  redis.call('SET', KEYS[1], mine, 'PX', ttl)
  return { 'claimed', mine, '' }
end
local held = cjson.decode(current)
if held.by == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ttl)
  return { 'renewed', current, '' }
end
if ARGV[4] == '1' then
  redis.call('SET', KEYS[1], mine, 'PX', ttl)
  return { 'taken', mine, current }
end
return { 'held', current, '' }
