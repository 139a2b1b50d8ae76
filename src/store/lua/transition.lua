--[[
  Move a paper to a new state if its current state allows it
  (./transition-apply.lua).

  Input:
    KEYS[1]  paper hash
    KEYS[2]  the new state's index (sorted set)
    KEYS[3]  the paper's audit list
    KEYS[4]  the audit log (stream)

    ARGV[1]  state index key prefix (keys.state('')), for the current state's index
    ARGV[2]  paper id
    ARGV[3]  allowed current states: '*' or a comma list
    ARGV[4]  new state
    ARGV[5]  reason ('' for none)
    ARGV[6]  now, ms
    ARGV[7]  now, ISO
    ARGV[8]  audit entry (JSON; '' for none)
    ARGV[9]  failure record (JSON; '' for none)
    ARGV[10] index key prefix (keys.index(''))

  Output:
    the previous state
    error 'NOT_FOUND' or 'BAD_STATE <current>'
]]
--#include index-apply.lua
--#include transition-apply.lua
return laysum_transition(KEYS[1], KEYS[2], KEYS[3], KEYS[4], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7], ARGV[8], ARGV[9], ARGV[10])
