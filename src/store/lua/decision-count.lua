--[[
  Included by the scripts that write a reviewer's decision (see `--#include`
  in ../commands.ts): counts it for its person on its UTC day, beside the
  audit entry it belongs to, so "decided today" reads one small hash instead
  of the day's audit log (src/review/today.ts). The counted actions are the
  ones src/review/today.ts lists; the hash expires a week after its day.

  Input:
    counter  the day's counts (hash: person -> decisions)
    entry    the audit entry (JSON with `actor` and `action`)

  Output:
    laysum_count_decision(counter, entry), returning nothing
]]
local laysum_decisions = {
  ['approved'] = true, ['rejected'] = true, ['changes requested'] = true,
  ['published'] = true, ['unpublished'] = true,
}
local function laysum_count_decision(counter, entry)
  local e = cjson.decode(entry)
  if not laysum_decisions[e.action] then return end
  redis.call('HINCRBY', counter, e.actor, 1)
  redis.call('EXPIRE', counter, 8 * 24 * 3600)
end
