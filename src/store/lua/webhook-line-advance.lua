--[[
  A delivery was delivered or given up: take it off the front of its line (if
  it is still there: a second call is a no-op) and say who is next.

  Input:
    KEYS[1]  the line of this hook and paper (list of delivery ids, head first)
    KEYS[2]  the hook's papers that have a line (set)

    ARGV[1]  the delivery id
    ARGV[2]  the paper id

  Output:
    the new head, or '' when the line is empty
]]
if redis.call('LINDEX', KEYS[1], 0) == ARGV[1] then redis.call('LPOP', KEYS[1]) end
local head = redis.call('LINDEX', KEYS[1], 0)
if not head then
  redis.call('SREM', KEYS[2], ARGV[2])
  return ''
end
return head
