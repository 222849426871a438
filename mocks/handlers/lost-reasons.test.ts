import { describe, expect, it } from 'vitest'
import { LOST_SESSION_REASONS } from '@/lib/session/shared/reasons'
import { sessionScenarios } from './session'
import { sessionResolvers } from './session-resolvers'

// The compiler makes every lost reason a scenario (SessionScenario includes LostSessionReason);
// this checks what each one answers, so a new reason's resolver cannot answer another reason.
describe('one mock scenario per lost-session reason', () => {
  it.each(LOST_SESSION_REASONS)(
    '%s: 200 with that reason, and the stale cookie cleared',
    async (reason) => {
      expect(sessionScenarios[reason]).toBeDefined()
      const response = await sessionResolvers[reason]()
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual({
        status: 'unauthenticated',
        reason,
        serverTime: expect.any(String),
      })
      expect(response.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    },
  )
})
