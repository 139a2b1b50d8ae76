--[[
  Included by the scripts that change what the public site shows (see
  `--#include` in ../commands.ts): bumps the publication generation and
  records which paper moved at that generation, so each server applies only
  the papers that changed (src/http/site-cache.ts) and can tell when it
  missed one (a gap in the generations: it then rebuilds). The stream keeps
  about the last 10,000 changes.

  Input:
    generation  the publication generation (counter)
    changes     the changes (stream of gen, id)
    id          the paper id

  Output:
    laysum_public_change(generation, changes, id), returning nothing
]]
local function laysum_public_change(generation, changes, id)
  local gen = redis.call('INCR', generation)
  redis.call('XADD', changes, 'MAXLEN', '~', 10000, '*', 'gen', gen, 'id', id)
end
