// The e2e servers' logs (both `next start` instances, nginx's errors and its access log naming
// the instance behind each request): every `*.log` under the run directory, wherever
// build-and-start.mjs put it, so a new log needs no second list here.
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs'
import path from 'node:path'
import { E2E_RUN_DIR } from './server-env'

const TAIL_LINES = 40 // per log: the failing request and what led to it, not the whole run

type LogSizes = ReadonlyMap<string, number>

function logFiles(): string[] {
  try {
    return readdirSync(E2E_RUN_DIR, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.log'))
      .map((name) => path.join(E2E_RUN_DIR, name))
      .sort()
  } catch {
    return [] // no run directory: the servers were started some other way (E2E_REUSE_SERVER)
  }
}

/** Each log's size now, to print only what is written after. */
function serverLogSizes(): LogSizes {
  return new Map(logFiles().map((file) => [file, statSync(file).size]))
}

function readFrom(file: string, offset: number): string {
  const length = statSync(file).size - offset
  if (length <= 0) return ''
  const buffer = Buffer.alloc(length)
  const fd = openSync(file, 'r')
  try {
    readSync(fd, buffer, 0, length, offset)
  } finally {
    closeSync(fd)
  }
  return buffer.toString('utf8')
}

/**
 * The last lines each log gained since `sizes` was taken, under its path. Other tests run beside
 * this one (two workers), so their requests show up too; the access log's times tell them apart.
 */
function serverLogsSince(sizes: LogSizes): string {
  const files = logFiles()
  if (files.length === 0) return `(no *.log under ${E2E_RUN_DIR})`
  return files
    .map((file) => {
      const lines = readFrom(file, sizes.get(file) ?? 0)
        .trimEnd()
        .split('\n')
        .filter(Boolean)
      const shown = lines.slice(-TAIL_LINES)
      const skipped = lines.length - shown.length
      const header = `--- ${file}${skipped > 0 ? ` (last ${shown.length} of ${lines.length} new lines)` : ''}`
      return [header, ...(shown.length > 0 ? shown : ['(nothing new)'])].join('\n')
    })
    .join('\n')
}

export { serverLogsSince, serverLogSizes }
export type { LogSizes }
