import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

// A real Redis for the tests: Debian's redis-server (.ci/run installs it when missing; REDIS_SERVER_PATH
// points at another binary), on a free loopback port, with nothing saved to disk, in a temp dir.
const REDIS_SERVER_PATH = process.env.REDIS_SERVER_PATH ?? '/usr/bin/redis-server'
const START_TIMEOUT_MS = 5_000

type RedisServer = {
  /** `redis://127.0.0.1:<port>` */
  url: string
  /** Stops the server; `start()` brings it back on the same port, empty. */
  stop(): Promise<void>
  start(): Promise<void>
  /** Freezes the process (SIGSTOP): connections stay open and nothing answers, a slow Redis. */
  pause(): void
  resume(): void
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

function launch(port: number, dir: string): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no']
  const child = spawn(REDIS_SERVER_PATH, [...args, '--dir', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start in ${START_TIMEOUT_MS} ms`)),
      START_TIMEOUT_MS,
    )
    function fail(error: Error) {
      clearTimeout(timer)
      child.kill('SIGKILL')
      reject(new Error(`${error.message}\n${output}`))
    }
    child.once('error', fail)
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}`)))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (!output.includes('Ready to accept connections')) return
      clearTimeout(timer)
      child.removeAllListeners('exit')
      child.stdout.removeAllListeners('data')
      resolve(child)
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

/** Starts a redis-server for one test file; call `dispose()` in afterAll. */
async function startRedisServer(): Promise<RedisServer & { dispose(): Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'session-kit-redis-'))
  const port = await freePort()
  let child: ChildProcess | null = await launch(port, dir)

  async function stop() {
    if (!child) return
    const stopping = child
    child = null
    stopping.kill('SIGCONT') // a paused server can't handle SIGTERM
    stopping.kill('SIGTERM')
    await exited(stopping)
  }

  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    async start() {
      child ??= await launch(port, dir)
    },
    pause: () => child?.kill('SIGSTOP'),
    resume: () => child?.kill('SIGCONT'),
    async dispose() {
      await stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export { startRedisServer }
export type { RedisServer }
