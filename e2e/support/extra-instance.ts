// A `next start` of the e2e build that one test owns, for what the shared topology must not do:
// restart an instance, or run one on a store the test can stop. It listens on 127.0.0.1 (plain
// http, outside nginx) with the topology's secret, so a cookie made there opens here too, and
// logs into the run directory, so a failing test prints its log (server-logs.ts).
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, openSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { expect } from '@playwright/test'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { E2E_EXTRA_INSTANCE_BASE_PORT, E2E_RUN_DIR, E2E_SESSION_SECRET } from './server-env'

const NEXT_BIN = createRequire(import.meta.url).resolve('next/dist/bin/next')
// `next start` of a built app answers in about 1 s; a busy 2-core machine can take far longer.
const READY_TIMEOUT_MS = 60_000
const STOP_TIMEOUT_MS = 10_000

/** Which revocation store the instance uses: the app's default, or a Redis at `url`. */
type ExtraInstanceStore = { sqliteFile: string } | { redisUrl: string }

type ExtraInstance = {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string
  /** Stops the process and starts it again on the same port and store; resolves once it answers. */
  restart(): Promise<void>
  /** Stops it (the fixture also does, after the test). */
  stop(): Promise<void>
}

/** Where the instance of the worker `parallelIndex` listens (one per worker: see server-env.ts). */
function extraInstanceUrl(parallelIndex: number): string {
  return `http://127.0.0.1:${E2E_EXTRA_INSTANCE_BASE_PORT + parallelIndex}`
}

/** Only the store this instance is told about: none inherited from the shell running the tests. */
function storeEnv(store: ExtraInstanceStore): NodeJS.ProcessEnv {
  const { REDIS_URL: _redis, SESSION_REVOCATION_DB: _sqlite, ...inherited } = process.env
  const chosen =
    'redisUrl' in store
      ? { REDIS_URL: store.redisUrl }
      : { SESSION_REVOCATION_DB: store.sqliteFile }
  return {
    ...inherited,
    ...chosen,
    SESSION_SECRET: E2E_SESSION_SECRET,
    NEXT_TELEMETRY_DISABLED: '1',
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok
  } catch {
    return false // not listening yet
  }
}

/** Starts an instance for the worker `parallelIndex` and waits until it answers. */
async function startExtraInstance(
  parallelIndex: number,
  store: ExtraInstanceStore,
): Promise<ExtraInstance> {
  const baseUrl = extraInstanceUrl(parallelIndex)
  const port = new URL(baseUrl).port
  const logDir = path.join(E2E_RUN_DIR, 'servers')
  mkdirSync(logDir, { recursive: true })
  const log = path.join(logDir, `extra-instance-${parallelIndex}.log`)
  let child: ChildProcess | null = null

  async function start() {
    const out = openSync(log, 'a')
    const args = [NEXT_BIN, 'start', '--hostname', '127.0.0.1', '--port', port]
    child = spawn(process.execPath, args, { stdio: ['ignore', out, out], env: storeEnv(store) })
    closeSync(out) // the child has its own copy
    const started = child
    await expect
      .poll(
        async () => {
          if (started.exitCode !== null) throw new Error(`next start exited; see ${log}`)
          return answers(`${baseUrl}${SESSION_ENDPOINT}`)
        },
        { timeout: READY_TIMEOUT_MS, intervals: [200], message: `${baseUrl} answers` },
      )
      .toBe(true)
  }

  async function stop() {
    if (!child) return
    const stopping = child
    child = null
    stopping.kill('SIGTERM')
    const killed = setTimeout(() => stopping.kill('SIGKILL'), STOP_TIMEOUT_MS)
    await exited(stopping)
    clearTimeout(killed)
  }

  await start()
  return {
    baseUrl,
    async restart() {
      await stop()
      await start()
    },
    stop,
  }
}

export { extraInstanceUrl, startExtraInstance }
export type { ExtraInstance, ExtraInstanceStore }
