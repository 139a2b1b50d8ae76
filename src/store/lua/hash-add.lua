--[[
  Add to counters in hashes, all at once (the LLM ledger, ../llm-usage.ts):
  one script instead of a MULTI, which ioredis builds by copying every script
  defined on the connection (BullMQ defines dozens).

  Input:
    KEYS[1..]  the hashes

    ARGV[1]    seconds KEYS[1] lives from now ('0': leave its expiry alone)
    ARGV[2..]  groups of four: 'i' (integer) or 'f' (float), the hash's index
               in KEYS, the field, the amount

  Output:
    1
]]
for i = 2, #ARGV, 4 do
  local key = KEYS[tonumber(ARGV[i + 1])]
  if ARGV[i] == 'f' then
    redis.call('HINCRBYFLOAT', key, ARGV[i + 2], ARGV[i + 3])
  else
    redis.call('HINCRBY', key, ARGV[i + 2], ARGV[i + 3])
  end
end
if ARGV[1] ~= '0' then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return 1
