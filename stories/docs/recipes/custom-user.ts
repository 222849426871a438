import { isRecord } from '@/lib/session/shared/parse'

/**
 * lib/session/shared/user.ts, edited for an app whose users belong to an organisation, have a
 * plan and maybe an avatar. This file is the one place the user's shape lives: the route
 * handler, the layout, useUser(), SessionGate's `allow` and the mocks all import it, so after
 * editing it `tsc` lists every place that still uses the old shape (mocks/fixtures/users.ts,
 * your loadUser, your `allow` checks).
 *
 * Keep the fields flat (strings, numbers, booleans, null): the client compares two users field by
 * field with Object.is, so an array or object field would make every check look like a new user
 * and re-render everything that reads it.
 */
type SessionUser = {
  id: string
  name: string
  email: string
  /** The organisation the user signed in to. */
  organisationId: string
  /** What the organisation pays for. */
  plan: Plan
  /** Absolute https URL of the avatar, or null for none. */
  avatarUrl: string | null
}

const PLANS = ['free', 'team', 'enterprise'] as const
type Plan = (typeof PLANS)[number]

function isPlan(value: unknown): value is Plan {
  return PLANS.some((plan) => plan === value)
}

function isAvatarUrl(value: unknown): value is string | null {
  return value === null || (typeof value === 'string' && value.startsWith('https://'))
}

/**
 * Runtime check for a user that came over the network or out of `loadUser`: the user or null,
 * never a half-user. It builds a new object with only these fields, which is what keeps a
 * database row's other columns (a password hash) from reaching the browser.
 */
function parseSessionUser(value: unknown): SessionUser | null {
  if (!isRecord(value)) return null
  const { id, name, email, organisationId, plan, avatarUrl } = value
  if (typeof id !== 'string' || id.length === 0) return null
  if (typeof name !== 'string' || typeof email !== 'string') return null
  if (typeof organisationId !== 'string' || organisationId.length === 0) return null
  if (!isPlan(plan) || !isAvatarUrl(avatarUrl)) return null
  return { id, name, email, organisationId, plan, avatarUrl }
}

export { parseSessionUser, PLANS }
export type { Plan, SessionUser }
