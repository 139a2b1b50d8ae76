--[[
  Put one paper in the queue's search index, replacing what it was indexed
  under before, or take it out (./index-apply.lua).

  Input:
    KEYS[1]  the paper's memo (string: JSON of what it is indexed under)

    ARGV[1]  index key prefix (keys.index(''))
    ARGV[2]  paper id
    ARGV[3]  new memo JSON, or '' to remove the paper from the index
    ARGV[4]  '1': rewrite every membership (a rebuild); '': only what changed

  Output:
    1
]]
--#include index-apply.lua
laysum_index(KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4] == '1')
return 1
