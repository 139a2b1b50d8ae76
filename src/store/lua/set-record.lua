--[[
  Record what ingest learned (the normalized record) and claim the identities
  it revealed (a PMID submission reveals a DOI). If another live paper already
  holds one of them, nothing is written.

  Input:
    KEYS[1]   paper hash
    KEYS[2..] identity keys (string: paper id)

    ARGV[1]   paper key prefix (keys.paper(''))
    ARGV[2]   paper id
    ARGV[3]   doc (JSON)
    ARGV[4]   now, ISO

  Output:
    ''           recorded
    existingId   the live paper that already holds one of the identities
]]
for i = 2, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing and existing ~= ARGV[2] and redis.call('EXISTS', ARGV[1] .. existing) == 1 then
    return existing
  end
end
for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[2]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[3], 'updatedAt', ARGV[4])
return ''
