--[[
  Create an account, its token index and its listing entry at once, or
  nothing if the name is taken.

  Input:
    KEYS[1]  user hash
    KEYS[2]  token index (string: user name)
    KEYS[3]  user names (set)

    ARGV[1]  role
    ARGV[2]  SHA-256 of the token
    ARGV[3]  created at, ISO
    ARGV[4]  user name

  Output:
    1  created
    0  the name is taken
]]
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'role', ARGV[1], 'tokenHash', ARGV[2], 'createdAt', ARGV[3])
redis.call('SET', KEYS[2], ARGV[4])
redis.call('SADD', KEYS[3], ARGV[4])
return 1
