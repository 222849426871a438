// What the page under test should do, written into the HTML by the bench server.
import { USER } from '../../lib/user.mjs'

const config = JSON.parse(document.getElementById('bench-config').textContent)

/** The session's end on the page's clock, for the scenarios that start with a session. */
function expiresAtIso() {
  const expiresAt = Date.now() + config.expiresInMs
  return new Date(expiresAt).toISOString()
}

/** The page's clock as the server's: in these scenarios the two are one (no skew). */
const nowIso = () => new Date().toISOString()

export { config, expiresAtIso, nowIso, USER }
