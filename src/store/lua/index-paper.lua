--[[
  Put one paper in the queue's search index, replacing what it was indexed
  under before (kept in its memo), or take it out. Every membership is a key
  under the index prefix: sets (search tokens, filter values) and sorted sets
  (sort scores); facet counts (how many papers have each topic, provider...)
  follow the memberships so the filter menus never scan.

  Input:
    KEYS[1]  the paper's memo (string: JSON of what it is indexed under)

    ARGV[1]  index key prefix (keys.index(''))
    ARGV[2]  paper id
    ARGV[3]  new memo JSON {"sets":[suffix...],"scores":{suffix:score},"facets":[[suffix,value]...]}
             or '' to remove the paper from the index

  Output:
    1
]]
local prefix, id = ARGV[1], ARGV[2]
local function apply(memo, sign)
  for _, s in ipairs(memo.sets or {}) do
    if sign > 0 then redis.call('SADD', prefix .. s, id) else redis.call('SREM', prefix .. s, id) end
  end
  for s, score in pairs(memo.scores or {}) do
    if sign > 0 then redis.call('ZADD', prefix .. s, score, id) else redis.call('ZREM', prefix .. s, id) end
  end
  for _, f in ipairs(memo.facets or {}) do
    local key = prefix .. f[1]
    local n = tonumber(redis.call('ZINCRBY', key, sign, f[2]))
    if n <= 0 then redis.call('ZREM', key, f[2]) end
  end
end
local old = redis.call('GET', KEYS[1])
if old then apply(cjson.decode(old), -1) end
if ARGV[3] == '' then
  redis.call('DEL', KEYS[1])
else
  apply(cjson.decode(ARGV[3]), 1)
  redis.call('SET', KEYS[1], ARGV[3])
end
return 1
