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

  Per-state sort sets: so that a queue page (a state, in one sort order) is
  one ZRANGE by rank, the index also keeps each paper in `st:<state>/<sort>`
  for every sort (age: creation time; grade, checks, credibility: its
  scores, 0 without a draft), and the state it placed it in, in the hash
  `state-of`. The scripts that change a paper's state call
  laysum_index_move; index-paper.lua places it from its hash (a rebuild).

  Output:
    laysum_index(memoKey, prefix, id, memo, full), returning nothing
    laysum_index_place(prefix, id, state, created): put the paper in its
      state's sort sets (state false: take it out of them)
    laysum_index_move(prefix, id, to): move a placed paper to state `to`
      (a paper not placed yet is left to the rebuild)
]]
local LAYSUM_SCORED = { 'grade', 'checks', 'credibility' }

local function laysum_index_unplace(prefix, id)
  local cur = redis.call('HGET', prefix .. 'state-of', id)
  if not cur then return nil end
  local created = redis.call('ZSCORE', prefix .. 'st:' .. cur .. '/age', id)
  redis.call('ZREM', prefix .. 'st:' .. cur .. '/age', id)
  for _, f in ipairs(LAYSUM_SCORED) do redis.call('ZREM', prefix .. 'st:' .. cur .. '/' .. f, id) end
  redis.call('HDEL', prefix .. 'state-of', id)
  return created
end

local function laysum_index_place(prefix, id, state, created)
  laysum_index_unplace(prefix, id)
  if not state or not created then return end
  local memo = redis.call('GET', prefix .. 'memo:' .. id)
  local scores = memo and cjson.decode(memo).scores or {}
  redis.call('HSET', prefix .. 'state-of', id, state)
  redis.call('ZADD', prefix .. 'st:' .. state .. '/age', created, id)
  for _, f in ipairs(LAYSUM_SCORED) do
    redis.call('ZADD', prefix .. 'st:' .. state .. '/' .. f, scores['sort:' .. f] or 0, id)
  end
end

local function laysum_index_move(prefix, id, to)
  local created = laysum_index_unplace(prefix, id)
  if created then laysum_index_place(prefix, id, to, created) end
end

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
  local placed = redis.call('HGET', prefix .. 'state-of', id)
  for s, score in pairs(newScores) do
    if oldScores[s] ~= score then
      redis.call('ZADD', prefix .. s, score, id)
      if placed then redis.call('ZADD', prefix .. 'st:' .. placed .. '/' .. string.sub(s, 6), score, id) end
    end
  end
  if memo == '' and placed then laysum_index_unplace(prefix, id) end
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
