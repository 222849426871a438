import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect, spyOn } from 'storybook/test'
import { authenticatedPayload, unauthenticatedPayload } from '../../mocks/fixtures/sessions'
import { alice } from '../../mocks/fixtures/users'
import { pendingRevocationCookieName } from '@/lib/session/server/pending-revocation'
import { RevocationStoreError } from '@/lib/session/server/revocation-store'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import type { UnauthenticatedReason } from '@/lib/session/shared/types'
import usage from '../usage/create-session-route.ts?raw'
import { expectedClearedCookie } from './support/cleared-cookie'
import { countTableRows, readTableRow } from './support/read-table-row'
import { ROUTE_CALLS, ROUTE_NOW, type RouteState } from './support/route-states'
import { SessionRouteTable } from './support/session-route-table'
import { STORY_SESSION_SECONDS } from './support/story-tokens'
import { serverHelperPage } from './support/server-helper-page'

const meta = {
  title: 'Server/createSessionRoute',
  component: SessionRouteTable,
  ...serverHelperPage({
    item: 'session-route',
    usage,
    description:
      'The `GET` and `DELETE` handlers of `/api/session`: the session as JSON for `SessionProvider` (clearing a stale cookie), and sign-out.',
    rowsArg: 'states',
    options: {
      'createSessionRoute(options)': {
        loadUser: {
          type: '(userId: string) => Promise<SessionUser | null>',
          description:
            "Your user lookup; null means the user may no longer sign in (reason 'revoked').",
        },
        allowedOrigins: {
          type: 'readonly string[]',
          description: "Other exact origins allowed to sign users out; the app's own always is.",
          defaultValue: '[]',
        },
        revocation: {
          type: '{ store: RevocationStore; maxLifetimeSeconds?: number; timeoutMs?: number }',
          description:
            'Where sessions are revoked: GET checks it (503 while it is down), DELETE revokes the session.',
          defaultValue: 'none (sessions end only when they expire)',
        },
        now: {
          type: '() => number',
          description: 'The clock, in epoch ms; tests pass a fixed one.',
          defaultValue: 'Date.now',
        },
      },
    },
  }),
} satisfies Meta<typeof SessionRouteTable>
export default meta

type Story = StoryObj<typeof meta>

const NO_STORE = 'no-store'
const NONE = '(none)'
/** The route's Retry-After while the store is down, in seconds. */
const STORE_DOWN_RETRY = '5'

/** A lost session: 200 with the reason, and the cookie deleted in the same answer. */
function lostSessionRow(reason: Exclude<UnauthenticatedReason, 'missing'>) {
  return {
    Status: '200',
    Body: JSON.stringify(unauthenticatedPayload(reason, ROUTE_NOW)),
    'Set-Cookie': expectedClearedCookie(),
    'Cache-Control': NO_STORE,
    'Retry-After': NONE,
  }
}

/** One state's row: the handler's answer in it must be `expected` (column header to cell text). */
function answers(state: RouteState, expected: Record<string, string>): Story {
  return {
    args: { states: [state] },
    play: async ({ canvasElement }) => {
      await expect(await readTableRow(canvasElement, ROUTE_CALLS[state].label)).toMatchObject(
        expected,
      )
    },
  }
}

/**
 * Each story builds a real request in your browser (a token made by `encryptSession`, an expired
 * or tampered one, a user `loadUser` no longer finds, no cookie, a sign-out from this or another
 * origin), calls the real handler and shows its answer. The route runs on a fixed clock
 * (2030-01-01 12:00 UTC), so the dates never change.
 */
export const Authenticated: Story = {
  args: { states: ['authenticated'] },
  play: async ({ canvasElement }) => {
    const row = await readTableRow(canvasElement, 'Authenticated')
    const payload = authenticatedPayload(alice, STORY_SESSION_SECONDS * 1000, ROUTE_NOW)
    await expect(row).toMatchObject({
      Status: '200',
      Body: JSON.stringify(payload),
      'Set-Cookie': NONE,
      'Cache-Control': NO_STORE,
    })
    await expect(payload.expiresAt).toBe('2030-01-01T13:00:00.000Z')
  },
}

export const Expired: Story = answers('expired', lostSessionRow('expired'))

// Invalid and Revoked answer as Expired does, each with its own reason: off the States gallery.
export const Invalid: Story = {
  tags: ['!autodocs'],
  ...answers('invalid', lostSessionRow('invalid')),
}
export const Revoked: Story = {
  tags: ['!autodocs'],
  ...answers('revoked', lostSessionRow('revoked')),
}

// No cookie, nothing to delete: no Set-Cookie at all.
export const Anonymous: Story = answers('missing', {
  Status: '200',
  Body: JSON.stringify(unauthenticatedPayload('missing', ROUTE_NOW)),
  'Set-Cookie': NONE,
  'Cache-Control': NO_STORE,
})

/** Keeps the handler's error log out of the test output, and lets the play function check it. */
function captureErrorLog() {
  const spy = spyOn(console, 'error').mockImplementation(() => undefined)
  return () => spy.mockRestore()
}

// Getting started says it in prose (an outage is an error, not a sign-out): off the States gallery.
export const LoadUserFails: Story = {
  tags: ['!autodocs'],
  args: { states: ['loadUserFails'] },
  beforeEach: captureErrorLog,
  play: async ({ canvasElement }) => {
    // A database outage is an error (500), never "unauthenticated": nobody is signed out and
    // the cookie stays. The details go to the server log, not to the browser.
    await expect(await readTableRow(canvasElement, 'Load user fails')).toMatchObject({
      Status: '500',
      Body: JSON.stringify({ error: 'Session check failed' }),
      'Set-Cookie': NONE,
      'Cache-Control': NO_STORE,
    })
    await expect(console.error).toHaveBeenCalledWith('GET /api/session failed:', expect.any(Error))
  },
}

const signedOutRow = {
  Status: '204',
  Body: '(empty)',
  'Set-Cookie': expectedClearedCookie(),
  'Cache-Control': NO_STORE,
}

const refusedRow = {
  Status: '403',
  Body: JSON.stringify({ error: 'Cross-origin request refused' }),
  'Set-Cookie': NONE,
  'Cache-Control': NO_STORE,
}

export const SignOut: Story = answers('signOut', signedOutRow)

// Two more cases of the origin check: off the States gallery.
// Same-origin fetches of some older browsers send no Origin: still a sign-out.
export const SignOutWithoutOrigin: Story = {
  tags: ['!autodocs'],
  ...answers('signOutWithoutOrigin', signedOutRow),
}

// Another site cannot sign your users out: 403, and the cookie is left alone.
export const SignOutFromForeignOrigin: Story = answers('signOutFromForeignOrigin', refusedRow)

export const SignOutCrossSite: Story = {
  tags: ['!autodocs'],
  ...answers('signOutCrossSite', refusedRow),
}

// Issue 14: a route created with `revocation: { store }`.
/**
 * The same cookie was signed out elsewhere (another tab or device, or a copy someone kept): the
 * real DELETE revoked its session in the store, so GET now answers `revoked` and clears the cookie.
 */
export const RevokedElsewhere: Story = answers('revokedElsewhere', lostSessionRow('revoked'))

// The store could not tell: 503 with Retry-After, the cookie kept. Never a sign-out.
export const StoreUnavailable: Story = answers('storeUnavailable', {
  Status: '503',
  Body: JSON.stringify({ error: 'Session store unavailable' }),
  'Set-Cookie': NONE,
  'Cache-Control': NO_STORE,
  'Retry-After': STORE_DOWN_RETRY,
})

/** The cleared session cookie, then the pending-revocation cookie (its sealed value shortened). */
function pendingRevocationAfter(cleared: string): RegExp {
  const escaped = cleared.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pending = `${pendingRevocationCookieName()}=eyJhbGciOi…; Path=${SESSION_ENDPOINT}`
  return new RegExp(
    `^${escaped}, ${pending}; Expires=[^;]+; Max-Age=\\d+(; Secure)?; HttpOnly; SameSite=Strict$`,
  )
}

/**
 * The user asked to leave: the cookie goes anyway. The 503 makes the client retry, and a sealed
 * pending-revocation cookie, sent only to this route, lets that retry finish the revocation.
 */
export const SignOutStoreUnavailable: Story = {
  args: { states: ['signOutStoreUnavailable'] },
  beforeEach: captureErrorLog,
  play: async ({ canvasElement }) => {
    await expect(await readTableRow(canvasElement, 'Sign out, store unavailable')).toMatchObject({
      Status: '503',
      Body: JSON.stringify({ error: 'Session store unavailable' }),
      // The session cookie goes; a sealed pending-revocation cookie, sent only to this route,
      // lets the client's retried DELETE finish the revocation once the store is back.
      'Set-Cookie': expect.stringMatching(pendingRevocationAfter(expectedClearedCookie())),
      'Cache-Control': NO_STORE,
      'Retry-After': STORE_DOWN_RETRY,
    })
    await expect(console.error).toHaveBeenCalledWith(
      'DELETE /api/session could not revoke the session:',
      expect.any(RevocationStoreError),
    )
  },
}

// The whole table in one view, in the sidebar; on the docs page the states above show it.
/** The whole table: every row above, checked by the same play functions. */
export const AllStates: Story = {
  tags: ['!autodocs'],
  args: {
    states: [
      'authenticated',
      'expired',
      'invalid',
      'revoked',
      'missing',
      'loadUserFails',
      'signOut',
      'signOutWithoutOrigin',
      'signOutFromForeignOrigin',
      'signOutCrossSite',
      'revokedElsewhere',
      'storeUnavailable',
      'signOutStoreUnavailable',
    ],
  },
  beforeEach: captureErrorLog,
  play: async (context) => {
    await expect(await countTableRows(context.canvasElement)).toBe(13)
    for (const story of [
      Authenticated,
      Expired,
      Invalid,
      Revoked,
      Anonymous,
      LoadUserFails,
      SignOut,
      SignOutWithoutOrigin,
      SignOutFromForeignOrigin,
      SignOutCrossSite,
      RevokedElsewhere,
      StoreUnavailable,
      SignOutStoreUnavailable,
    ]) {
      await story.play?.(context)
    }
  },
}
