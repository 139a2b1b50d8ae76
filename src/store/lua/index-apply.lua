--[[
  Included by the scripts that index a paper (see `--#include` in
  ../commands.ts): puts one paper in the queue's search index, or takes it
  out. Every membership is a key under the index prefix: sets (search tokens,
  filter values) and sorted sets (sort scores); facet counts (how many papers
  have each topic, provider...) follow the memberships so the filter menus
  never scan. What the paper was indexed under before is kept in its memo;
  only what changed from it is written, unless `full` (a rebuild, which also
  restores memberships lost beside the memo).

  Input:
    memoKey the paper's memo (string: JSON of what it is indexed under)
    prefix  index key prefix (keys.index(''))
    id      paper id
    memo    JSON {"sets":[suffix...],"scores":{suffix:score},"facets":[[suffix,value]...]},
            or '' to remove the paper from the index
    full    true: take out everything the old memo names, then put in the new one

  Output:
    laysum_index(memoKey, prefix, id, memo, full), returning nothing
]]
local function laysum_index(memoKey, prefix, id, memo, full)
  local oldJson = redis.call('GET', memoKey)
  if oldJson == memo and not full then return end
  local old = oldJson and cjson.decode(oldJson) or {}
  local new = memo ~= '' and cjson.decode(memo) or {}
  if full then
    for _, s in ipairs(old.sets or {}) do redis.call('SREM', prefix .. s, id) end
    for s in pairs(old.scores or {}) do redis.call('ZREM', prefix .. s, id) end
    for _, f in ipairs(old.facets or {}) do
      local n = tonumber(redis.call('ZINCRBY', prefix .. f[1], -1, f[2]))
      if n <= 0 then redis.call('ZREM', prefix .. f[1], f[2]) end
    end
    old = {}
  end
  local keep, had = {}, {}
  for _, s in ipairs(new.sets or {}) do keep[s] = true end
  for _, s in ipairs(old.sets or {}) do
    if not keep[s] and not had[s] then redis.call('SREM', prefix .. s, id) end
    had[s] = true
  end
  for s in pairs(keep) do
    if not had[s] then redis.call('SADD', prefix .. s, id) end
  end
  local oldScores, newScores = old.scores or {}, new.scores or {}
  for s in pairs(oldScores) do
    if newScores[s] == nil then redis.call('ZREM', prefix .. s, id) end
  end
  for s, score in pairs(newScores) do
    if oldScores[s] ~= score then redis.call('ZADD', prefix .. s, score, id) end
  end
  -- Facet counts: the difference between the two memos, per facet and value.
  local delta, order = {}, {}
  local function count(facets, sign)
    for _, f in ipairs(facets or {}) do
      local k = f[1] .. '\0' .. f[2]
      if delta[k] == nil then
        delta[k] = 0
        order[#order + 1] = f
      end
      delta[k] = delta[k] + sign
    end
  end
  count(old.facets, -1)
  count(new.facets, 1)
  for _, f in ipairs(order) do
    local d = delta[f[1] .. '\0' .. f[2]]
    if d ~= 0 then
      local n = tonumber(redis.call('ZINCRBY', prefix .. f[1], d, f[2]))
      if n <= 0 then redis.call('ZREM', prefix .. f[1], f[2]) end
    end
  end
  if memo == '' then
    redis.call('DEL', memoKey)
  else
    redis.call('SET', memoKey, memo)
  end
end
