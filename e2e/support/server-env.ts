// Where the e2e server listens and the secret it runs with. Shared by playwright.config.ts and the
// specs: the load test and the cookie-tampering tests call the server directly.

/** Loopback port for `next start`; E2E_PORT overrides it when 3217 is taken. */
const E2E_PORT = Number(process.env.E2E_PORT ?? 3217)
const E2E_BASE_URL = `http://localhost:${E2E_PORT}`
/** A fixed, test-only secret (over 32 bytes). Never used outside this test server. */
const E2E_SESSION_SECRET = 'e2e-only-secret-not-for-production-0123456789abcdef'

export { E2E_BASE_URL, E2E_PORT, E2E_SESSION_SECRET }
