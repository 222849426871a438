import 'server-only'

// One Redis entry of the revocation store: its value, "<before> <until>" (epoch ms), and the
// script that writes it. `before` is a user's cut-off (0 for a session); `until` is when the entry
// stops counting, compared with the caller's clock (the key's TTL runs on Redis's).

// Writes KEYS[1] = "<before> <until>" (epoch ms) for ARGV[4] ms, atomically, only raising: each of
// the two numbers keeps the higher of the stored and the new one, and the TTL only lengthens, so a
// user's cut-off never drops when two revocations race. A stored entry whose `until` is past ARGV[3]
// (now) no longer counts. The numbers stay the strings they were written as (Lua would print a
// 16-digit epoch ms in exponent form); tonumber only compares them.
// (GET of a missing key is `false` in Lua.)
const RAISE_SCRIPT = `
local before, untilMs = ARGV[1], ARGV[2]
local current = redis.call('GET', KEYS[1])
if current then
  local b, u = string.match(current, '^(%S+) (%S+)$')
  if u and tonumber(u) > tonumber(ARGV[3]) then
    if tonumber(b) > tonumber(before) then before = b end
    if tonumber(u) > tonumber(untilMs) then untilMs = u end
  end
end
local ttl = tonumber(ARGV[4])
local left = redis.call('PTTL', KEYS[1])
if left > ttl then ttl = left end
redis.call('SET', KEYS[1], before .. ' ' .. untilMs, 'PX', ttl)
return 1`

/** A stored entry, "<before> <until>", as numbers; null for a missing or unreadable one. */
function readEntry(value: unknown): { before: number; until: number } | null {
  if (typeof value !== 'string') return null
  const [before = Number.NaN, until = Number.NaN] = value.split(' ').map(Number)
  return Number.isFinite(before) && Number.isFinite(until) ? { before, until } : null
}

export { RAISE_SCRIPT, readEntry }
