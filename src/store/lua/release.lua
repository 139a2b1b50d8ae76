--[[
  Give a claim back, only if it is the caller's (a claim someone has since
  taken over stays theirs).

  Input:
    KEYS[1]  the paper's claim

    ARGV[1]  who releases it

  Output:
    1   released
    0   there was no claim, or it belongs to someone else (left as it is)
]]
local current = redis.call('GET', KEYS[1])
if not current then return 0 end
if cjson.decode(current).by ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
