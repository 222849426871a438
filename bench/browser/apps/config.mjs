// What the page under test should do, written into the HTML by the bench server.
import { USER } from '../../lib/user.mjs'

const config = JSON.parse(document.getElementById('bench-config').textContent)

/** The session's end as the page's clock (real or Playwright's fake one) sees it. */
function expiresAtIso() {
  const expiresAt = Date.now() + config.expiresInMs
  window.__benchExpiresAt = expiresAt // the expiry driver measures from here
  return new Date(expiresAt).toISOString()
}

export { config, expiresAtIso, USER }
