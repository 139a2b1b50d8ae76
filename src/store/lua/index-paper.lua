--[[
  Put one paper in the queue's search index, replacing what it was indexed
  under before, or take it out (./index-apply.lua); a paper still stored is
  also placed in its current state's sort sets, read here so a transition
  between the caller's read and this script cannot leave a stale state.

  Input:
    KEYS[1]  the paper's memo (string: JSON of what it is indexed under)
    KEYS[2]  the paper hash
    KEYS[3]  all papers by creation time (sorted set, ms)

    ARGV[1]  index key prefix (keys.index(''))
    ARGV[2]  paper id
    ARGV[3]  new memo JSON, or '' to remove the paper from the index
    ARGV[4]  '1': rewrite every membership (a rebuild); '': only what changed

  Output:
    1
]]
--#include index-apply.lua
laysum_index(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4] == '1')
if ARGV[3] ~= '' then
  local state = redis.call('HGET', KEYS[2], 'state')
  laysum_index_place(ARGV[1], ARGV[2], state, redis.call('ZSCORE', KEYS[3], ARGV[2]))
end
return 1
