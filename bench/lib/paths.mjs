// Where things are. Build output goes under bench/node_modules/.bench: ignored by git, ESLint,
// Prettier and tsc alike, and bundles placed there resolve bench's own packages.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const ROOT_DIR = path.dirname(BENCH_DIR)
const OUT_DIR = path.join(BENCH_DIR, 'node_modules', '.bench')

/** A fresh-enough output folder under OUT_DIR (created on demand). */
function outDir(name) {
  const dir = path.join(OUT_DIR, name)
  mkdirSync(dir, { recursive: true })
  return dir
}

export { BENCH_DIR, OUT_DIR, ROOT_DIR, outDir }
