// The machine and versions every figure was measured with (RESULTS.md states them).
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BENCH_DIR, ROOT_DIR } from './paths.mjs'

function cpuModel() {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'))
    return line ? line.split(':')[1].trim() : os.cpus()[0]?.model
  } catch {
    return os.cpus()[0]?.model ?? 'unknown'
  }
}

function installedVersion(dir, name) {
  try {
    const file = path.join(dir, 'node_modules', name, 'package.json')
    return JSON.parse(readFileSync(file, 'utf8')).version
  } catch {
    return 'not installed'
  }
}

/** Versions as installed (not as declared): the kit's from the root, the peers' from bench/. */
function describeMachine() {
  const root = ['next', 'react', 'jotai', 'sonner', 'jose', 'playwright']
  const bench = ['next-auth', 'better-auth', '@clerk/nextjs', 'iron-session', 'jose', 'esbuild']
  return {
    date: new Date().toISOString(),
    cores: os.cpus().length,
    cpu: cpuModel(),
    memoryGb: Math.round(os.totalmem() / 1e9),
    node: process.version,
    kitPackages: Object.fromEntries(root.map((n) => [n, installedVersion(ROOT_DIR, n)])),
    benchPackages: Object.fromEntries(bench.map((n) => [n, installedVersion(BENCH_DIR, n)])),
  }
}

export { describeMachine }
