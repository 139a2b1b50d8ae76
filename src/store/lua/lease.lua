--[[
  Renew or give back a lease (a key holding its holder's token, with a TTL),
  only if the caller still holds it: a holder that lost it (it expired and
  another took it) never touches the new holder's lease.

  Input:
    KEYS[1]  the lease

    ARGV[1]  the holder's token
    ARGV[2]  the new TTL in ms, or 0 to give it back

  Output:
    1  renewed or given back
    0  not held by this token (left as it is)
]]
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
if tonumber(ARGV[2]) == 0 then
  redis.call('DEL', KEYS[1])
else
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
