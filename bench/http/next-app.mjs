// A minimal production Next app with two route handlers side by side, so only what they do
// differs: GET /api/session (the kit's createSessionRoute, through the same `@/lib/session/*`
// alias the reference app uses) and GET /api/ping (a constant small JSON). Generated into a temp
// dir rather than the reference app: its pages, proxy and user directory (scrypt, revocations)
// would be built and loaded for nothing, and the bench must not add a route to the app.
import { spawn } from 'node:child_process'
import { mkdtempSync, mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT_DIR } from '../lib/paths.mjs'
import { USER } from '../lib/user.mjs'

const NEXT_BIN = path.join(ROOT_DIR, 'node_modules', 'next', 'dist', 'bin', 'next')
const READY_TIMEOUT_MS = 60_000

/** The app's files; the alias is relative: Next's webpack resolver ignores an absolute one. */
const files = (dir) => ({
  'next.config.mjs': `// externalDir: the kit's files live outside this app, as with a monorepo package.
export default { experimental: { externalDir: true }, poweredByHeader: false, typescript: { ignoreBuildErrors: true } }
`,
  'tsconfig.json': JSON.stringify(
    {
      compilerOptions: {
        target: 'ES2022',
        lib: ['dom', 'ES2023'],
        module: 'esnext',
        moduleResolution: 'bundler',
        jsx: 'react-jsx',
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        isolatedModules: true,
        baseUrl: '.',
        paths: { '@/lib/session/*': [`${path.relative(dir, path.join(ROOT_DIR, 'src'))}/*`] },
      },
      include: ['**/*.ts', '**/*.tsx'],
    },
    null,
    2,
  ),
  'app/layout.tsx': `export default function RootLayout({ children }: { children: React.ReactNode }) {
  return <html lang="en"><body>{children}</body></html>
}
`,
  'app/api/session/route.ts': `import { createSessionRoute } from '@/lib/session/server'

// An in-memory user store: the figure is the kit's own cost, not a database's.
const USER = ${JSON.stringify(USER)}
const { GET } = createSessionRoute({ loadUser: async (id) => (id === USER.id ? USER : null) })

export const dynamic = 'force-dynamic'
export { GET }
`,
  'app/api/ping/route.ts': `export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ ok: true }, { headers: { 'Cache-Control': 'no-store' } })
}
`,
})

function run(args, options) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { stdio: 'pipe', ...options })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`next ${args[0]} exit ${code}:\n${output}`)),
    )
  })
}

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Writes and builds the app. `--webpack`, always: Turbopack stops at a node_modules symlinked from
 * outside the project ("Could not find the Next.js package"), as this app's is and a git
 * worktree's is, and one bundler for every run keeps the figures comparable.
 */
async function buildNextApp() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-next-app-'))
  for (const [name, text] of Object.entries(files(dir))) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    writeFileSync(path.join(dir, name), text)
  }
  symlinkSync(realpathSync(path.join(ROOT_DIR, 'node_modules')), path.join(dir, 'node_modules'))
  const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }
  try {
    await run(['build', '--webpack', dir], { env })
  } catch (error) {
    removeNextApp(dir)
    throw error
  }
  return dir
}

/** `next start` on a free port; resolves once it answers. `pid` is the server's process. */
async function startNextApp(dir, env) {
  const port = await freePort()
  const child = spawn(process.execPath, [NEXT_BIN, 'start', '-H', '127.0.0.1', '-p', port, dir], {
    env: { ...process.env, ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const origin = `http://127.0.0.1:${port}`
  const started = Date.now()
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited ${child.exitCode}:\n${output}`)
    if (Date.now() - started > READY_TIMEOUT_MS) {
      child.kill()
      throw new Error(`next start not ready in ${READY_TIMEOUT_MS} ms:\n${output}`)
    }
    const ok = await fetch(`${origin}/api/ping`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    origin,
    pid: child.pid,
    output: () => output,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', resolve)
        child.kill('SIGTERM')
      }),
  }
}

function removeNextApp(dir) {
  rmSync(dir, { recursive: true, force: true })
}

export { buildNextApp, removeNextApp, startNextApp }
