--[[
  Record what ingest learned (the normalized record) and claim the identities
  it revealed (a PMID submission reveals a DOI). If another live paper already
  holds one of them, nothing is written. Otherwise the paper is indexed (when
  a memo is given) and, when a transition is given, moved on (ingested ->
  summarizing) in the same script, after the record as when these were
  separate calls: a state that does not allow it is an error, the record
  stays written.

  Input:
    KEYS[1]   paper hash
    KEYS[2]   the transition's new state index (sorted set)
    KEYS[3]   the paper's audit list
    KEYS[4]   the audit log (stream)
    KEYS[5..] identity keys (string: paper id)

    ARGV[1]   paper key prefix (keys.paper(''))
    ARGV[2]   paper id
    ARGV[3]   doc (JSON)
    ARGV[4]   now, ISO
    ARGV[5]   index key prefix (keys.index(''))
    ARGV[6]   index memo (./index-apply.lua; '' to leave the index to the caller)
    ARGV[7]   state index key prefix (keys.state(''))
    ARGV[8]   transition: allowed current states, '*' or a comma list ('' for no transition)
    ARGV[9]   transition: new state
    ARGV[10]  now, ms
    ARGV[11]  transition: audit entry (JSON)
    ARGV[12]  the paper's index memo key

  Output:
    ''           recorded (and moved on)
    existingId   the live paper that already holds one of the identities
    error 'NOT_FOUND' or 'BAD_STATE <current>' from the transition
]]
--#include index-apply.lua
--#include transition-apply.lua
for i = 5, #KEYS do
  local existing = redis.call('GET', KEYS[i])
  if existing and existing ~= ARGV[2] and redis.call('EXISTS', ARGV[1] .. existing) == 1 then
    return existing
  end
end
for i = 5, #KEYS do redis.call('SET', KEYS[i], ARGV[2]) end
redis.call('HSET', KEYS[1], 'doc', ARGV[3], 'updatedAt', ARGV[4])
if ARGV[6] ~= '' then laysum_index(ARGV[12], ARGV[5], ARGV[2], ARGV[6], false) end
if ARGV[8] ~= '' then
  local moved = laysum_transition(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[7], ARGV[2], ARGV[8], ARGV[9], '', ARGV[10], ARGV[4], ARGV[11], '', ARGV[5])
  if type(moved) == 'table' then return moved end
end
return ''
