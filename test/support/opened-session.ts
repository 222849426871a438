import { expect } from 'vitest'

// What decryptSession answers for a freshly made token: its claims, and a new session id of the
// shape newSessionId makes (22 base64url characters), whatever its random value. Times: epoch ms.
function openedSession(userId: string, issuedAt: number, expiresAt: number) {
  return {
    ok: true,
    session: {
      userId,
      sessionId: expect.stringMatching(/^[\w-]{22}$/),
      issuedAt,
      expiresAt,
      maxAgeSeconds: (expiresAt - issuedAt) / 1000, // a first token's lifetime
    },
  }
}

export { openedSession }
