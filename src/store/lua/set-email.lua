--[[
  Change (or clear) an account's email and its index at once.

  Input:
    KEYS[1]  user hash
    KEYS[2]  index of the new email (unused when clearing)
    KEYS[3]  index of the current email (unused when there is none)

    ARGV[1]  user name
    ARGV[2]  new email (lower case), or '' to clear
    ARGV[3]  the email the caller read as current, or ''

  Output:
    1  changed
    0  the new email belongs to another account
   -1  no such account, or its email changed meanwhile (read again)
]]
if redis.call('EXISTS', KEYS[1]) == 0 then return -1 end
local current = redis.call('HGET', KEYS[1], 'email') or ''
if current ~= ARGV[3] then return -1 end
if ARGV[2] ~= '' then
  local owner = redis.call('GET', KEYS[2])
  if owner and owner ~= ARGV[1] then return 0 end
end
if current ~= '' then redis.call('DEL', KEYS[3]) end
if ARGV[2] == '' then
  redis.call('HDEL', KEYS[1], 'email')
else
  redis.call('HSET', KEYS[1], 'email', ARGV[2])
  redis.call('SET', KEYS[2], ARGV[1])
end
return 1
