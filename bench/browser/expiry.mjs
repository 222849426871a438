// Expiry to toast at client clock skews: the kit's provider + ExpiryToast + sonner in a page
// whose clock is off by `skewMs` (Date and performance.timeOrigin shifted by an init script, as
// a wrong system clock would shift them), against the kit's own cookie and route on a server
// that keeps real time (kit-server.mjs). Everything runs in real time; the figures are on the
// server's clock: when the toast entered the DOM, and when each session request arrived,
// relative to the session's expiresAt.
import { summarize } from '../lib/stats.mjs'
import { startKitServer } from './kit-server.mjs'

const EXPIRY_SKEWS_MS = [-8_000, 0, 8_000]
// Real seconds from sign-in to expiresAt, each run waits them out; longer than the largest skew,
// so even the clock 8 s ahead receives a session it still sees as live.
const SESSION_SECONDS = 10
const GIVE_UP_MS = 20_000 // real time after expiresAt without a toast: stop and report none
const TOAST = '[data-sonner-toast]'

/**
 * Runs in the page before anything else. `__benchRealNow` keeps the true clock for the driver;
 * a MutationObserver notes (true clock) when sonner's toast first enters the DOM.
 */
function skewClock(skewMs) {
  const RealDate = Date
  const realNow = () => RealDate.now()
  class SkewedDate extends RealDate {
    constructor(...args) {
      super(...(args.length === 0 ? [realNow() + skewMs] : args))
    }
    static now() {
      return realNow() + skewMs
    }
  }
  globalThis.Date = SkewedDate
  const origin = performance.timeOrigin + skewMs
  Object.defineProperty(performance, 'timeOrigin', { get: () => origin })
  window.__benchRealNow = realNow
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-sonner-toast]')) {
      window.__benchToastAt = realNow()
      observer.disconnect()
    }
  }).observe(document, { childList: true, subtree: true })
}

async function runExpiry(browser, server, skewMs) {
  const context = await browser.newContext()
  try {
    await context.addInitScript(skewClock, skewMs)
    const page = await context.newPage()
    page.on('pageerror', (error) => console.error(`[kit page error] ${error.message}`))
    // A hydration mismatch is logged, not thrown: it would make the page a client render.
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[kit page console] ${message.text()}`)
    })
    const firstRequest = server.log.length
    const query = new URLSearchParams({ config: JSON.stringify({ consumers: 1, toast: true }) })
    const response = await page.goto(`${server.origin}/start?${query}`)
    const expiresAt = Number(response.headers()['x-bench-expires-at'])
    await page.waitForSelector('#path')
    const wait = expiresAt + GIVE_UP_MS - Date.now()
    await page.waitForFunction(() => window.__benchToastAt !== undefined, null, { timeout: wait })
    const toastAt = await page.evaluate(() => window.__benchToastAt)
    const toastText = await page.locator(TOAST).first().innerText()
    const requests = server.log.slice(firstRequest).filter((r) => r.at <= toastAt)
    return {
      toastAfterMs: toastAt - expiresAt,
      toastText,
      requestsUntilToast: requests.length,
      requestsBeforeExpiry: requests.filter((r) => r.at < expiresAt).length,
      requestTimesMs: requests.map((r) => r.at - expiresAt), // relative to expiresAt
    }
  } finally {
    await context.close()
  }
}

/** `runs` runs at each skew, the skews alternating run by run. */
async function measureExpiry(browser, bundles, { runs }) {
  const server = await startKitServer(bundles, { sessionSeconds: SESSION_SECONDS })
  const samples = new Map(EXPIRY_SKEWS_MS.map((skew) => [skew, []]))
  try {
    for (let run = 0; run < runs; run += 1) {
      for (const skew of EXPIRY_SKEWS_MS)
        samples.get(skew).push(await runExpiry(browser, server, skew))
    }
  } finally {
    await server.close()
  }
  const skews = EXPIRY_SKEWS_MS.map((skewMs) => {
    const list = samples.get(skewMs)
    return {
      skewMs,
      toastAfterMs: summarize(list.map((s) => s.toastAfterMs)),
      requestsUntilToast: summarize(list.map((s) => s.requestsUntilToast)),
      requestsBeforeExpiry: summarize(list.map((s) => s.requestsBeforeExpiry)),
      example: list[0],
    }
  })
  return { sessionSeconds: SESSION_SECONDS, skews }
}

export { EXPIRY_SKEWS_MS, measureExpiry }
