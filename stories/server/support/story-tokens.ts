import { encryptSession } from '@/lib/session/server/session'
import { alice, usersById } from '../../../mocks/fixtures/users'
import type { SessionUser } from '@/lib/session/shared/user'

const HOUR_SECONDS = 3600
/** Lifetime of every story token: 1 h, in seconds. */
const STORY_SESSION_SECONDS = HOUR_SECONDS
/** An id no fixture user has: `loadUser` returns null for it, the `revoked` state. */
const DELETED_USER_ID = 'user_deleted'

/** A valid token for `userId`, issued at `now` (epoch ms). */
function validToken(userId: string = alice.id, now: number = Date.now()): Promise<string> {
  return encryptSession({ userId }, { maxAgeSeconds: STORY_SESSION_SECONDS, now })
}

/** A token that opens with the story key but ran out an hour before `now` (epoch ms). */
function expiredToken(userId: string = alice.id, now: number = Date.now()): Promise<string> {
  return encryptSession(
    { userId },
    { maxAgeSeconds: STORY_SESSION_SECONDS, now: now - 2 * STORY_SESSION_SECONDS * 1000 },
  )
}

/** A valid token with one character of its ciphertext (part 4 of 5) changed. */
async function tamperedToken(now: number = Date.now()): Promise<string> {
  const parts = (await validToken(alice.id, now)).split('.')
  const ciphertext = parts[3] ?? ''
  parts[3] = (ciphertext.startsWith('A') ? 'B' : 'A') + ciphertext.slice(1)
  return parts.join('.')
}

/** The app's `loadUser`, backed by the fixture users: null for an unknown (deleted) id. */
async function loadFixtureUser(userId: string): Promise<SessionUser | null> {
  return usersById.get(userId) ?? null
}

export {
  DELETED_USER_ID,
  expiredToken,
  loadFixtureUser,
  STORY_SESSION_SECONDS,
  tamperedToken,
  validToken,
}
