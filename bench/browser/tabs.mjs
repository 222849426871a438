// Opening a harness page and reading its request counter (see page-server.mjs's counting fetch).

const QUIET_MS = 500 // a page is settled once nothing was in flight or started for this long
const SETTLE_LIMIT_MS = 15_000
const HOUR_MS = 3_600_000 // default session lifetime left at mount: nothing expires mid-scenario

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * A new tab with `app` mounted under `config`; resolves once the app has rendered. `beforeLoad`
 * runs on the blank tab first (e.g. to install Playwright's clock).
 */
async function openTab(context, origin, app, config, beforeLoad = async () => {}) {
  const page = await context.newPage()
  await beforeLoad(page)
  page.on('pageerror', (error) => console.error(`[${app} page error] ${error.message}`))
  const query = new URLSearchParams({
    app,
    config: JSON.stringify({ consumers: 1, expiresInMs: HOUR_MS, ...config }),
  })
  await page.goto(`${origin}/start?${query}`)
  await page.waitForSelector('#path')
  return page
}

function readRequests(page) {
  return page.evaluate(() => ({
    requests: window.__requests.list.length,
    inFlight: window.__requests.inFlight,
    maxInFlight: window.__requests.maxInFlight,
    list: window.__requests.list.map(
      ({ method, url }) => `${method} ${new URL(url, location.href).pathname}`,
    ),
  }))
}

/** Waits (real time) until the page has had no request in flight or started for QUIET_MS. */
async function settle(page) {
  const started = Date.now()
  let last = await readRequests(page)
  let quietSince = Date.now()
  while (Date.now() - started < SETTLE_LIMIT_MS) {
    await sleep(50)
    const now = await readRequests(page)
    if (now.inFlight > 0 || now.requests !== last.requests) quietSince = Date.now()
    last = now
    if (Date.now() - quietSince >= QUIET_MS) return last
  }
  throw new Error(`page did not settle within ${SETTLE_LIMIT_MS} ms: ${JSON.stringify(last)}`)
}

/** Forgets what the page asked so far (e.g. its mount), keeping what is still in flight. */
function resetRequests(page) {
  return page.evaluate(() => {
    window.__requests.list = []
    window.__requests.maxInFlight = window.__requests.inFlight
  })
}

export { openTab, readRequests, resetRequests, settle, sleep }
