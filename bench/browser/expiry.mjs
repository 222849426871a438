// Expiry to toast on Playwright's controllable clock: the kit's provider + ExpiryToast + sonner
// mounted with a session ending in 5 minutes. Page time is advanced by hand; the back end answers
// "no cookie" from expiresAt on (the browser drops an expired cookie). Figures are page time, so
// they exclude network latency: the fake clock stands still while a request is answered.
import { summarize } from '../lib/stats.mjs'
import { openTab, readRequests, settle, sleep } from './tabs.mjs'

const EXPIRES_IN_MS = 5 * 60_000 // long enough that any polling would show before expiry
const STEP_MS = 50 // resolution of the measurement: page time per step
const GIVE_UP_MS = 60_000 // page time after expiresAt without a toast: stop and report none
const START = Date.parse('2026-11-27T12:00:00.000Z')
const TOAST = '[data-sonner-toast]'

/** Real time for the page to answer and render whatever the last timers started. */
async function letPageCatchUp(page) {
  for (let i = 0; i < 200 && (await readRequests(page)).inFlight > 0; i += 1) await sleep(5)
  await sleep(15)
}

async function runExpiry(browser, server) {
  server.reset({ latencyMs: 0 })
  const context = await browser.newContext()
  try {
    const config = { initial: true, toast: true, expiresInMs: EXPIRES_IN_MS }
    const page = await openTab(context, server.origin, 'kit', config, (blank) =>
      blank.clock.install({ time: START }),
    )
    await settle(page)
    const mountedAt = await page.evaluate(() => Date.now())
    await page.clock.pauseAt(mountedAt + 1_000)
    const expiresAt = await page.evaluate(() => window.__benchExpiresAt)
    // Everything up to expiresAt in one go: any interval or polling timer fires on the way.
    await page.clock.runFor(expiresAt - (await page.evaluate(() => Date.now())))
    await letPageCatchUp(page)
    const beforeExpiry = (await readRequests(page)).requests
    server.state.expired = true
    let elapsed = 0
    while (elapsed <= GIVE_UP_MS && (await page.locator(TOAST).count()) === 0) {
      await page.clock.runFor(STEP_MS)
      elapsed += STEP_MS
      await letPageCatchUp(page)
    }
    const toastText = elapsed <= GIVE_UP_MS ? await page.locator(TOAST).first().innerText() : null
    const { list } = await page.evaluate(() => window.__requests)
    return {
      toastAfterMs: toastText === null ? null : elapsed,
      toastText,
      requestsBeforeExpiry: beforeExpiry,
      requestsUntilToast: list.length,
      requestTimesMs: list.map((entry) => entry.at - expiresAt), // relative to expiresAt
    }
  } finally {
    await context.close()
  }
}

async function measureExpiry(browser, server, { runs }) {
  const samples = []
  for (let run = 0; run < runs; run += 1) samples.push(await runExpiry(browser, server))
  const missed = samples.filter((s) => s.toastAfterMs === null).length
  if (missed > 0) throw new Error(`no toast within ${GIVE_UP_MS} ms in ${missed} of ${runs} runs`)
  return {
    stepMs: STEP_MS,
    expiresInMs: EXPIRES_IN_MS,
    toastAfterMs: summarize(samples.map((s) => s.toastAfterMs)),
    requestsBeforeExpiry: summarize(samples.map((s) => s.requestsBeforeExpiry)),
    requestsUntilToast: summarize(samples.map((s) => s.requestsUntilToast)),
    example: samples[0],
  }
}

export { measureExpiry }
