// The README's Performance section shows the last `npm run bench` table: written between two
// markers, so it is never a hand-copied figure that drifts from bench/RESULTS.md.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import prettier from 'prettier'
import { ROOT_DIR } from './paths.mjs'

const START = '<!-- bench:start (written by npm run bench) -->'
const END = '<!-- bench:end -->'

/** Replaces the README's text between the bench markers; throws when they are missing. */
async function writeReadmeSection({ table, machine, seconds }) {
  const file = path.join(ROOT_DIR, 'README.md')
  const readme = readFileSync(file, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) {
    throw new Error(`README.md: the Performance section needs the markers ${START} and ${END}`)
  }
  const body = [
    `Measured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}),`,
    `Node ${machine.node}, 1-minute load average ${machine.loadAtStart.toFixed(2)} when it started,`,
    `${seconds.toFixed(0)} s in all. Method and details: [bench/RESULTS.md](bench/RESULTS.md).`,
    '',
    table,
  ].join('\n')
  const next = `${readme.slice(0, start + START.length)}\n\n${body}\n\n${readme.slice(end)}`
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }))
}

export { writeReadmeSection }
