import { cookies } from '@storybook/nextjs-vite/headers.mock'
import { redirect } from '@storybook/nextjs-vite/navigation.mock'
import type { Meta, StoryObj } from '@storybook/nextjs-vite'
import { expect } from 'storybook/test'
import { LOGIN_PATH } from '@/lib/session/shared/constants'
import { alice } from '../../mocks/fixtures/users'
import usage from '../usage/sign-out.tsx?raw'
import { expectedClearedCookie } from './support/cleared-cookie'
import { STEP_CALLS } from './support/cookie-steps'
import { readTableRow } from './support/read-table-row'
import { freshRequest, sessionCookieValue, setSessionCookie } from './support/session-cookie-jar'
import { SessionCookieTable } from './support/session-cookie-table'
import { validToken } from './support/story-tokens'
import { serverHelperPage } from './support/server-helper-page'

const meta = {
  title: 'Server/signOut',
  component: SessionCookieTable,
  args: { steps: ['signOut'] },
  beforeEach: freshRequest,
  ...serverHelperPage({
    rowsArg: 'steps',
    item: 'session-server',
    usage,
    description:
      'A ready-made Server Action: clears the session cookie and redirects to the login page, without a `reason` (signing out is not an expiry, so no toast).',
  }),
} satisfies Meta<typeof SessionCookieTable>
export default meta

type Story = StoryObj<typeof meta>

/** The cookie is cleared (same name and attributes, empty, expired), then off to the login page. */
async function expectSignedOut(canvasElement: HTMLElement): Promise<void> {
  await expect(await readTableRow(canvasElement, STEP_CALLS.signOut.label)).toMatchObject({
    Outcome: `redirect('${LOGIN_PATH}')`,
    'Set-Cookie': expectedClearedCookie(),
    'Next request sees': 'missing',
  })
  await expect(sessionCookieValue()).toBe('')
  await expect(redirect).toHaveBeenCalledTimes(1)
  await expect(redirect).toHaveBeenCalledWith(LOGIN_PATH)
  // Cleared before the redirect: redirect() throws, so nothing after it would run.
  await expect(cookies().set.mock.invocationCallOrder.at(-1)).toBeLessThan(
    redirect.mock.invocationCallOrder[0] ?? 0,
  )
}

export const SignedIn: Story = {
  beforeEach: () => setSessionCookie(validToken(alice.id)),
  play: async ({ canvasElement }) => expectSignedOut(canvasElement),
}

/** Without a session (a second click, another tab signed out first): the same answer, no error. */
export const AlreadySignedOut: Story = {
  play: async ({ canvasElement }) => expectSignedOut(canvasElement),
}
