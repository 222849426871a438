import { cookies } from '@storybook/nextjs-vite/headers.mock'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect } from 'storybook/test'
import { decryptSession } from '@/lib/session/server/session'
import {
  currentSessionCookieName,
  isSessionCookieSecure,
  MAX_COOKIE_BYTES,
  sessionCookieOptions,
} from '@/lib/session/server/cookie'
import { alice } from '../../mocks/fixtures/users'
import usage from '../usage/create-session.ts?raw'
import { expectedClearedCookie } from './support/cleared-cookie'
import { STEP_CALLS } from './support/cookie-steps'
import { readTableRow } from './support/read-table-row'
import { freshRequest, sessionCookieValue, setSessionCookie } from './support/session-cookie-jar'
import { SessionCookieTable } from './support/session-cookie-table'
import { STORY_SESSION_SECONDS, validToken } from './support/story-tokens'
import { serverHelperPage } from './support/server-helper-page'

const meta = {
  title: 'Server/createSession & deleteSession',
  component: SessionCookieTable,
  beforeEach: freshRequest,
  ...serverHelperPage({
    item: 'session-server',
    usage,
    description:
      'In a Server Action or route handler, `createSession()` signs a user in by setting the encrypted session cookie; `deleteSession()` clears it.',
    rowsArg: 'steps',
    options: {
      'createSession(userId, options)': {
        userId: {
          type: 'string',
          description: 'Whose session it is: the cookie holds only this id.',
        },
        maxAgeSeconds: {
          type: 'number',
          description:
            'Lifetime of the token and the cookie, in whole seconds (options.maxAgeSeconds).',
        },
      },
    },
  }),
} satisfies Meta<typeof SessionCookieTable>
export default meta

type Story = StoryObj<typeof meta>

/** Signing in: a cookie with the token, the kit's attributes, and the token's own expiry. */
export const CreateSession: Story = {
  args: { steps: ['createSession'] },
  play: async ({ canvasElement }) => {
    const row = await readTableRow(canvasElement, STEP_CALLS.createSession.label)
    const token = sessionCookieValue()
    const opened = await decryptSession(token)
    if (!opened.ok)
      throw new Error(`the cookie set by createSession did not open: ${opened.reason}`)
    const { userId, issuedAt, expiresAt } = opened.session
    await expect(userId).toBe(alice.id)
    await expect(expiresAt - issuedAt).toBe(STORY_SESSION_SECONDS * 1000)
    await expect(cookies().set).toHaveBeenLastCalledWith(currentSessionCookieName(), token, {
      ...sessionCookieOptions(new Date(expiresAt)),
      maxAge: expect.any(Number),
    })
    // The table says when in whole minutes (the date changes on every run); the cookie set above
    // carries the exact date.
    const endsIn = `in ${STORY_SESSION_SECONDS / 60} minutes`
    // Max-Age: the whole seconds left when it was set, rounded down, so the cookie never outlives
    // the token (one second less unless createSession ran exactly on a whole second).
    const maxAges = `(${STORY_SESSION_SECONDS - 1}|${STORY_SESSION_SECONDS})`
    await expect(row).toMatchObject({
      Outcome: `{ expiresAt: <${endsIn}> }`,
      'Next request sees': `${alice.id}, ends ${endsIn}`,
    })
    await expect(row['Set-Cookie']).toMatch(
      new RegExp(
        `^${currentSessionCookieName()}=\\S+…; Path=/; Expires=<${endsIn}>; Max-Age=${maxAges}${isSessionCookieSecure() ? '; Secure' : ''}; HttpOnly; SameSite=Lax$`,
      ),
    )
  },
}

/** Signing out on this browser: the same cookie, empty and expired. */
export const DeleteSession: Story = {
  args: { steps: ['deleteSession'] },
  beforeEach: () => setSessionCookie(validToken(alice.id)),
  play: async ({ canvasElement }) => {
    await expect(await readTableRow(canvasElement, STEP_CALLS.deleteSession.label)).toMatchObject({
      Outcome: 'undefined',
      'Set-Cookie': expectedClearedCookie(),
      'Next request sees': 'missing',
    })
    await expect(sessionCookieValue()).toBe('')
  },
}

/** A session over the 4096-byte cookie limit is refused loudly; browsers would drop it silently. */
export const TooLargeForACookie: Story = {
  args: { steps: ['createOversizeSession'] },
  play: async ({ canvasElement }) => {
    const row = await readTableRow(canvasElement, STEP_CALLS.createOversizeSession.label)
    await expect(row.Outcome).toMatch(
      new RegExp(
        `^threw SessionCookieTooLargeError: The session cookie would be \\d+ bytes; browsers drop cookies over ${MAX_COOKIE_BYTES}\\.`,
      ),
    )
    await expect(row).toMatchObject({ 'Set-Cookie': '(none)', 'Next request sees': 'missing' })
    await expect(cookies().set).not.toHaveBeenCalled()
  },
}

// A sequence the two stories above already explain: off the States gallery.
/** Sign in, then out, on one request: the last cookie written is the one the next request sees. */
export const SignInThenOut: Story = {
  tags: ['!autodocs'],
  args: { steps: ['createSession', 'deleteSession'] },
  play: async ({ canvasElement }) => {
    await expect(await readTableRow(canvasElement, STEP_CALLS.createSession.label)).toMatchObject({
      'Next request sees': `${alice.id}, ends in ${STORY_SESSION_SECONDS / 60} minutes`,
    })
    await expect(await readTableRow(canvasElement, STEP_CALLS.deleteSession.label)).toMatchObject({
      'Set-Cookie': expectedClearedCookie(),
      'Next request sees': 'missing',
    })
  },
}
