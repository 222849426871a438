// The sign-in form's session-length choice. Short ones exist so anyone can watch expiry happen
// (the e2e suite uses the 5-second one); a real app would pick one length and not ask.
const SESSION_LENGTHS = {
  '5s': { label: '5 seconds', maxAgeSeconds: 5 },
  '10s': { label: '10 seconds', maxAgeSeconds: 10 },
  '2m': { label: '2 minutes', maxAgeSeconds: 2 * 60 },
  '7d': { label: '7 days', maxAgeSeconds: 7 * 24 * 60 * 60 },
} as const

type SessionLengthId = keyof typeof SESSION_LENGTHS

const DEFAULT_SESSION_LENGTH: SessionLengthId = '2m'

function isSessionLengthId(value: unknown): value is SessionLengthId {
  return typeof value === 'string' && Object.hasOwn(SESSION_LENGTHS, value)
}

export { DEFAULT_SESSION_LENGTH, isSessionLengthId, SESSION_LENGTHS }
export type { SessionLengthId }
