import { cookies } from '@storybook/nextjs-vite/headers.mock'
import { signOut } from '@/lib/session/server/actions'
import { decryptSession } from '@/lib/session/server/session'
import {
  createSession,
  deleteSession,
  serializeSessionCookie,
  type SessionCookieOptions,
} from '@/lib/session/server/cookie'
import { alice } from '../../../mocks/fixtures/users'
import { redirectTarget } from './redirect-boundary'
import { minutesFromNow } from './minutes-from-now'
import { sessionCookieValue } from './session-cookie-jar'
import { STORY_SESSION_SECONDS } from './story-tokens'
import { shortenedToken } from './shortened-token'

/** A user id far too long for a cookie: stands in for an app that stores a whole profile. */
const OVERSIZE_USER_ID = `user_${'x'.repeat(4000)}`

/** Every call the cookie stories make, one table row each. */
type CookieStep = 'createSession' | 'createOversizeSession' | 'deleteSession' | 'signOut'

type StepCall = {
  /** The call as an app writes it, for the row header. */
  label: string
  /** Runs it; says what it returned. */
  run: () => Promise<string>
}

const STEP_CALLS: Record<CookieStep, StepCall> = {
  createSession: {
    label: `createSession('${alice.id}', { maxAgeSeconds: ${STORY_SESSION_SECONDS} })`,
    run: async () => {
      const { expiresAt } = await createSession(alice.id, { maxAgeSeconds: STORY_SESSION_SECONDS })
      return `{ expiresAt: <${minutesFromNow(expiresAt)}> }`
    },
  },
  createOversizeSession: {
    label: `createSession('user_xxx… (${OVERSIZE_USER_ID.length} characters)', { maxAgeSeconds: ${STORY_SESSION_SECONDS} })`,
    run: async () => {
      await createSession(OVERSIZE_USER_ID, { maxAgeSeconds: STORY_SESSION_SECONDS })
      return '{ expiresAt }'
    },
  },
  deleteSession: {
    label: 'deleteSession()',
    run: async () => {
      await deleteSession()
      return 'undefined'
    },
  },
  signOut: {
    label: 'signOut()',
    run: async () => {
      await signOut()
      return 'never (it always redirects)'
    },
  },
}

/** What one call did, as shown in one table row. */
type CookieStepResult = {
  step: CookieStep
  label: string
  /** What it returned (times as `<in 60 minutes>`), or how it ended: `redirect('/auth')`, `threw …`. */
  outcome: string
  /** The `Set-Cookie` the response would carry, token shortened; null when none was set. */
  setCookie: string | null
  /** What the next request's `getSession()` would make of the cookie. */
  session: string
}

function describeThrown(error: unknown): string {
  const digest =
    typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : ''
  if (digest.startsWith('NEXT_REDIRECT;')) return `redirect('${redirectTarget(digest)}')`
  return error instanceof Error ? `threw ${error.name}: ${error.message}` : `threw ${String(error)}`
}

/**
 * The last `cookies().set(name, value, options)` call since `from`, as a Set-Cookie header.
 * Read from the mock's recorded calls: Storybook's cookie jar is a request's jar, which keeps
 * names and values but drops the attributes (`HttpOnly`, `Expires`) the kit sets.
 * A live cookie's `Expires` date reads `<in 60 minutes>` (the date would change on every run);
 * a cleared one keeps its fixed 1970 date.
 */
function setCookieSince(from: number): string | null {
  const call: unknown[] | undefined = cookies().set.mock.calls.slice(from).at(-1)
  if (call === undefined) return null
  const [name, value, options] = call as [string, string, SessionCookieOptions]
  const header = serializeSessionCookie(name, shortenedToken(value), options)
  const expires = options.expires.getTime()
  if (expires <= Date.now()) return header
  return header.replace(
    `Expires=${options.expires.toUTCString()}`,
    `Expires=<${minutesFromNow(expires)}>`,
  )
}

async function describeSession(value: string | undefined): Promise<string> {
  const result = await decryptSession(value)
  if (!result.ok) return result.reason
  return `${result.session.userId}, ends ${minutesFromNow(result.session.expiresAt)}`
}

/** Runs the kit's real helper for `step` against the story's cookie jar, reads what it did. */
async function runCookieStep(step: CookieStep): Promise<CookieStepResult> {
  const { label, run } = STEP_CALLS[step]
  const from = cookies().set.mock.calls.length
  const outcome = await run().catch(describeThrown)
  return {
    step,
    label,
    outcome,
    setCookie: setCookieSince(from),
    session: await describeSession(sessionCookieValue()),
  }
}

export { OVERSIZE_USER_ID, runCookieStep, STEP_CALLS }
export type { CookieStep, CookieStepResult }
