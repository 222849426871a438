// Where the install test's app listens and the secret it runs with: shared by
// playwright.config.ts and the smoke spec.

/** Loopback port for the installed fixture's `next start`; INSTALL_PORT overrides it. */
const INSTALL_PORT = Number(process.env.INSTALL_PORT ?? 3218)
const INSTALL_BASE_URL = `http://localhost:${INSTALL_PORT}`
/** A fixed, test-only secret (over 32 bytes). Never used outside this test server. */
const INSTALL_SESSION_SECRET = 'install-test-only-secret-not-for-production-0123456789'

export { INSTALL_BASE_URL, INSTALL_PORT, INSTALL_SESSION_SECRET }
