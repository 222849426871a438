// One account, however its email is typed: the user directory looks it up by this, and the
// sign-in throttle counts by it (so `Ada@Example.com ` and `ada@example.com` share one limit).

/** The email as accounts are keyed: trimmed, lower case. */
function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

export { normalizeEmail }
