import 'server-only'

/**
 * `SESSION_SECRET` is missing or unusable. A deployment bug, not a bad cookie: it is thrown
 * (never turned into "signed out"), and its message says how to fix it.
 */
class SessionConfigError extends Error {
  override name = 'SessionConfigError'
}

export { SessionConfigError }
