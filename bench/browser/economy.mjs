// Request economy: the same page, driver and back end for the kit's SessionProvider and
// next-auth's. Every figure is the number of session requests the page made (counting fetch).
import { summarize } from '../lib/stats.mjs'
import { openTab, resetRequests, settle } from './tabs.mjs'

const APPS = ['kit', 'next-auth']
const NAVIGATIONS = 20
const NAVIGATION_GAP_MS = 25 // 20 navigations in half a second: a user clicking through fast
const FOCUS_EVENTS = 50
const FOCUS_GAP_MS = 20 // 50 focus events within one second
const TABS = 5

/** In the page: `count` times `step(i)`, `gapMs` apart (page time). */
function repeatInPage(page, { count, gapMs, kind }) {
  return page.evaluate(
    async ({ count, gapMs, kind }) => {
      for (let i = 0; i < count; i += 1) {
        if (kind === 'navigate') window.__bench.navigate(`/nav/${i}`)
        else {
          // What the browser fires when the user comes back to the tab.
          window.dispatchEvent(new Event('focus'))
          document.dispatchEvent(new Event('visibilitychange'))
        }
        await new Promise((resolve) => setTimeout(resolve, gapMs))
      }
    },
    { count, gapMs, kind },
  )
}

/** Single-tab scenarios: mount (counted from the start) or an action after a settled mount. */
const SCENARIOS = [
  {
    id: 'mount-with-session',
    label: 'mount with a server session',
    target: '0',
    config: { initial: true },
  },
  {
    id: 'mount-without',
    label: 'mount without a server session',
    target: '1',
    config: { initial: false },
  },
  {
    id: 'ten-consumers',
    label: '10 consumers, mount without session',
    target: '1',
    config: { initial: false, consumers: 10 },
  },
  {
    id: 'navigations',
    label: `${NAVIGATIONS} rapid navigations (${NAVIGATION_GAP_MS} ms apart)`,
    target: 'single-flight',
    config: { initial: true },
    act: (page) =>
      repeatInPage(page, { count: NAVIGATIONS, gapMs: NAVIGATION_GAP_MS, kind: 'navigate' }),
  },
  {
    id: 'focus',
    label: `${FOCUS_EVENTS} focus events in 1 s`,
    target: '<= 1',
    config: { initial: true },
    act: (page) => repeatInPage(page, { count: FOCUS_EVENTS, gapMs: FOCUS_GAP_MS, kind: 'focus' }),
  },
]

async function runScenario(browser, server, app, scenario) {
  server.reset()
  const context = await browser.newContext()
  try {
    const page = await openTab(context, server.origin, app, scenario.config)
    if (!scenario.act) return await settle(page)
    await settle(page)
    await resetRequests(page)
    await scenario.act(page)
    return await settle(page)
  } finally {
    await context.close()
  }
}

/** One tab signs out while TABS tabs are open: requests made by each tab afterwards. */
async function runSignOut(browser, server, app) {
  server.reset()
  const context = await browser.newContext()
  try {
    const tabs = []
    for (let i = 0; i < TABS; i += 1) {
      tabs.push(await openTab(context, server.origin, app, { initial: true }))
    }
    for (const tab of tabs) await settle(tab)
    for (const tab of tabs) await resetRequests(tab)
    await tabs[0].evaluate(() => window.__bench.signOut())
    const perTab = []
    for (const tab of tabs) perTab.push(await settle(tab))
    return perTab
  } finally {
    await context.close()
  }
}

async function measureEconomy(browser, server, { runs }) {
  const rows = []
  for (const scenario of SCENARIOS) {
    const row = { ...scenario, results: {} }
    for (const app of APPS) {
      const samples = []
      for (let run = 0; run < runs; run += 1)
        samples.push(await runScenario(browser, server, app, scenario))
      row.results[app] = {
        requests: summarize(samples.map((s) => s.requests)),
        maxInFlight: summarize(samples.map((s) => s.maxInFlight)),
        example: samples[0].list,
      }
    }
    rows.push(row)
  }
  const signOut = {
    id: 'sign-out',
    label: `sign-out in 1 of ${TABS} open tabs (requests per tab)`,
    target: '<= 1 per tab',
    results: {},
  }
  for (const app of APPS) {
    const samples = []
    for (let run = 0; run < runs; run += 1) samples.push(await runSignOut(browser, server, app))
    signOut.results[app] = {
      perTab: Array.from({ length: TABS }, (_, tab) =>
        summarize(samples.map((s) => s[tab].requests)),
      ),
      maxInFlight: summarize(samples.flatMap((s) => s.map((tab) => tab.maxInFlight))),
      example: samples[0].map((tab) => tab.list),
    }
  }
  rows.push(signOut)
  return rows
}

export { measureEconomy }
