// `npm run screenshots`: remakes the README's two pictures from the real builds, into
// docs/screenshots/. Builds what it needs first: `storybook build` into a temporary folder
// (storybook-static/, which `npm test` serves, is left alone) and `next build` of the reference app
// (into .next/, as `npm run build` does). Then it serves both on 127.0.0.1 and takes, in the system
// Chromium, ExpiryToast's docs page in the Storybook UI and the reference app's expiry toast: a
// demo account signed in with the 5-second session, left open until the session ends.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright'
import { runnerImport } from 'vite'

const ROOT = path.resolve(import.meta.dirname, '..')
const OUT_DIR = path.join(ROOT, 'docs', 'screenshots')
const STORYBOOK_PORT = Number(process.env.SCREENSHOTS_STORYBOOK_PORT ?? 3262)
const APP_PORT = Number(process.env.SCREENSHOTS_APP_PORT ?? 3261)
const VIEWPORT = { width: 1280, height: 800 }
const DOCS_PAGE = 'client-expirytoast--docs'
const DEMO_EMAIL = 'max@example.com' // a member: the dashboard, nothing admin-only
const SESSION_LENGTH = '5s'
const READY_TIMEOUT_MS = 60_000 // per server or app page; each is ready in ~1-5 s
// A docs page loads a story iframe per state, each with its own MSW and play: ~60 s on 2 busy cores.
const DOCS_TIMEOUT_MS = 180_000
const SETTLE_MS = 1_500 // no frame may change for this long: toasts have slid in, stories are done
const TOAST_SETTLE_MS = 600 // sonner's slide-in

const require = createRequire(import.meta.url)
const NEXT_BIN = require.resolve('next/dist/bin/next')
const STORYBOOK_BIN = path.join(
  path.dirname(require.resolve('storybook/package.json')),
  'dist/bin/dispatcher.js',
)

/** The repo's own TypeScript modules (one home for each value), compiled by Vite. */
async function importTs(relative) {
  return (await runnerImport(path.join(ROOT, relative))).module
}

function step(message) {
  console.log(`[screenshots] ${message}`)
}

/** Runs a build to the end with its output shown; stops the script when it fails. */
function build(name, command, args, env = {}) {
  const started = performance.now()
  step(`${name}...`)
  const result = spawnSync(command, args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  })
  if (result.status !== 0) {
    throw new Error(`${name} failed (exit ${result.status}); no screenshot was taken`)
  }
  step(`${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`)
}

/** Starts a server (a node script) and resolves once `readyUrl` answers 200. */
async function startServer(name, args, readyUrl, env = {}) {
  const server = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  })
  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`${name} exited (${server.exitCode})`)
    const ok = await fetch(readyUrl).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return server
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  server.kill()
  throw new Error(`${name} did not answer ${readyUrl} within ${READY_TIMEOUT_MS} ms`)
}

/**
 * A frame's state, run in the frame: `error: ...` when Storybook shows an error; `pending` until
 * a Storybook frame (iframe.html) is shown and every story render in it finished, play function
 * included; then `done`. Lists the iframes in the frame's viewport, which must be done too (a
 * docs page renders each story in its own iframe, loaded lazily as it scrolls into view).
 */
function frameState() {
  const body = document.body
  const visibleFrames = [...document.querySelectorAll('iframe')]
    // Hidden ones too (a story block may keep its iframe at zero size until it has loaded).
    .filter((iframe) => {
      const box = iframe.getBoundingClientRect()
      return box.bottom >= 0 && box.top < window.innerHeight
    })
    .map((iframe) => new URL(iframe.getAttribute('src') ?? '', location.href).href)
  if (!location.pathname.endsWith('/iframe.html')) return { state: 'done', visibleFrames }
  if (body?.classList.contains('sb-show-errordisplay')) {
    return { state: `error: ${location.href}: ${body.innerText.slice(0, 300)}`, visibleFrames }
  }
  const preview = window.__STORYBOOK_PREVIEW__
  // A docs page counts once its blocks are on the page, not when Storybook starts rendering it.
  const docsMounted =
    !location.search.includes('viewMode=docs') || document.querySelector('.sbdocs-content')
  if (!body?.classList.contains('sb-show-main') || !preview || !docsMounted) {
    return { state: 'pending', visibleFrames }
  }
  const renders = [...(preview.storyRenders ?? [])]
  if (preview.currentRender && 'phase' in preview.currentRender) renders.push(preview.currentRender)
  const finished = renders.every((render) =>
    ['finished', 'aborted', 'errored'].includes(render.phase),
  )
  return { state: finished ? 'done' : 'pending', visibleFrames }
}

/** `frame`'s state and that of every iframe visible in it, as one list of strings. */
async function treeStates(frame) {
  // A frame that has not loaded yet has no context to run in: evaluate would wait for it.
  const result = await Promise.race([
    frame.evaluate(frameState).catch(() => null),
    new Promise((resolve) => setTimeout(() => resolve(null), 2_000)),
  ])
  if (result === null) return [`pending: ${frame.url()}`]
  const children = result.visibleFrames.map(
    (url) => frame.childFrames().find((child) => child.url() === url) ?? url,
  )
  const nested = await Promise.all(
    children.map((child) =>
      typeof child === 'string' ? [`pending: ${child}`] : treeStates(child),
    ),
  )
  return [`${result.state}: ${frame.url()}`, ...nested.flat()]
}

/** Waits until the page and every iframe in view are done and none changed for SETTLE_MS. */
async function waitForStorybook(page) {
  const deadline = Date.now() + DOCS_TIMEOUT_MS
  let quietSince = Date.now()
  let last = ''
  while (Date.now() < deadline) {
    const states = await treeStates(page.mainFrame())
    const failure = states.find((state) => state.startsWith('error: '))
    if (failure) throw new Error(`Storybook shows an error in ${failure.slice('error: '.length)}`)
    const now = states.join('\n')
    if (now !== last) [last, quietSince] = [now, Date.now()]
    const done = states.length > 1 && states.every((state) => state.startsWith('done: '))
    if (done && Date.now() - quietSince >= SETTLE_MS) return
    await page.waitForTimeout(250)
  }
  throw new Error(`Storybook did not finish ${page.url()} in ${DOCS_TIMEOUT_MS} ms:\n${last}`)
}

async function docsPageShot(browser) {
  const page = await browser.newPage({ viewport: VIEWPORT })
  await page.goto(`http://127.0.0.1:${STORYBOOK_PORT}/index.html?path=/docs/${DOCS_PAGE}`)
  await waitForStorybook(page)
  const file = path.join(OUT_DIR, 'expiry-toast-docs.png')
  await page.screenshot({ path: file })
  await page.close()
  return file
}

async function expiryToastShot(browser) {
  const { DEMO_ACCOUNTS } = await importTs('app/lib/demo-accounts.ts')
  const { SESSION_LENGTHS } = await importTs('app/auth/session-lengths.ts')
  const { password } = DEMO_ACCOUNTS.find((account) => account.email === DEMO_EMAIL)
  // localhost, not 127.0.0.1: Chromium treats http://localhost as secure, so the production
  // build's `__Host-session` cookie (Secure) is kept over plain http.
  const page = await browser.newPage({
    viewport: VIEWPORT,
    baseURL: `http://localhost:${APP_PORT}`,
  })
  await page.goto('/auth')
  await page.getByLabel('Email').fill(DEMO_EMAIL)
  await page.getByLabel('Password').fill(password)
  await page.getByLabel(SESSION_LENGTHS[SESSION_LENGTH].label).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL('**/dashboard')
  // The session runs out on its own; ExpiryToast says so and the app goes to the login page.
  const toast = page.locator('[data-sonner-toast]')
  await toast.first().waitFor({ timeout: READY_TIMEOUT_MS })
  await page.waitForURL('**/auth?**')
  await page.waitForTimeout(TOAST_SETTLE_MS)
  const file = path.join(OUT_DIR, 'expiry-toast-app.png')
  await page.screenshot({ path: file })
  await page.close()
  return file
}

const started = performance.now()
const storybookDir = mkdtempSync(path.join(os.tmpdir(), 'session-kit-screenshots-'))
const servers = []
let browser
try {
  // The docs pages' install tabs come from the registry, which the Storybook also serves (public/r).
  build('registry build', 'npm', ['run', '--silent', 'registry:build'])
  build('storybook build', process.execPath, [
    STORYBOOK_BIN,
    'build',
    '--quiet',
    '-o',
    storybookDir,
  ])
  build('next build (reference app)', process.execPath, [NEXT_BIN, 'build'], {
    NEXT_TELEMETRY_DISABLED: '1',
  })
  servers.push(
    await startServer(
      'Storybook',
      ['test/storybook-crawl/serve-storybook-static.mjs', storybookDir, String(STORYBOOK_PORT)],
      `http://127.0.0.1:${STORYBOOK_PORT}/index.json`,
    ),
  )
  servers.push(
    await startServer(
      'next start',
      [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', String(APP_PORT)],
      `http://127.0.0.1:${APP_PORT}/auth`,
      // A throwaway secret: the sessions live only as long as this script.
      { SESSION_SECRET: randomBytes(32).toString('base64url') },
    ),
  )
  mkdirSync(OUT_DIR, { recursive: true })
  const { CHROMIUM_ARGS, CHROMIUM_PATH } = await importTs('test/chromium.ts')
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS })
  const files = [await docsPageShot(browser), await expiryToastShot(browser)]
  const seconds = ((performance.now() - started) / 1000).toFixed(0)
  step(`wrote ${files.map((file) => path.relative(ROOT, file)).join(' and ')} in ${seconds} s`)
} finally {
  await browser?.close()
  for (const server of servers) server.kill()
  rmSync(storybookDir, { recursive: true, force: true })
}
