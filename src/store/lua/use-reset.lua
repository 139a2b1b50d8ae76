--[[
  Spend a password reset link: set the new password and end the account's
  sessions, once, only while the link is the account's latest and unexpired.

  Input:
    KEYS[1]  reset link hash {name, expiresAt}
    KEYS[2]  user hash

    ARGV[1]  user name the caller read from the link
    ARGV[2]  the new password's hash
    ARGV[3]  new session stamp
    ARGV[4]  now, ms since the epoch
    ARGV[5]  SHA-256 of the link's secret
    ARGV[6]  now, ISO

  Output:
    1  the password is set
    0  the link was used, expired, replaced by a newer one, or its account removed
]]
local name = redis.call('HGET', KEYS[1], 'name')
local expires = tonumber(redis.call('HGET', KEYS[1], 'expiresAt') or '0')
if name ~= ARGV[1] or expires <= tonumber(ARGV[4]) then return 0 end
if redis.call('HGET', KEYS[2], 'resetHash') ~= ARGV[5] then return 0 end
redis.call('HSET', KEYS[2], 'passwordHash', ARGV[2], 'stamp', ARGV[3], 'passwordSetAt', ARGV[6])
redis.call('HDEL', KEYS[2], 'resetHash')
redis.call('DEL', KEYS[1])
return 1
