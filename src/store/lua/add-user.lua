--[[
  Create an account, its listing entry and its email index at once, or
  nothing if the name or the email is taken.

  Input:
    KEYS[1]  user hash
    KEYS[2]  user names (set)
    KEYS[3]  email index (string: user name); unused without an email

    ARGV[1]  role
    ARGV[2]  SHA-256 of the (named) token, or '' for an account without one
    ARGV[3]  created at, ISO
    ARGV[4]  user name
    ARGV[5]  email (lower case), or ''
    ARGV[6]  session stamp

  Output:
    1  created
    0  the name is taken
    2  the email is taken
]]
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
if ARGV[5] ~= '' and redis.call('EXISTS', KEYS[3]) == 1 then return 2 end
redis.call('HSET', KEYS[1], 'role', ARGV[1], 'createdAt', ARGV[3], 'stamp', ARGV[6])
if ARGV[2] ~= '' then redis.call('HSET', KEYS[1], 'namedTokenHash', ARGV[2]) end
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'email', ARGV[5])
  redis.call('SET', KEYS[3], ARGV[4])
end
redis.call('SADD', KEYS[2], ARGV[4])
return 1
