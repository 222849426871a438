// The README's Performance section: a three-line summary of the last `npm run bench`, written
// between two markers, so it never drifts from the table. The table itself lives in
// bench/RESULTS.md (results-file.mjs), with the method and the machine.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import prettier from 'prettier'
import { ROOT_DIR } from './paths.mjs'

const START = '<!-- bench:start (written by npm run bench) -->'
const END = '<!-- bench:end -->'

/** The figure's name without its unit or method: "client size, min+gzip" -> "client size". */
const shortName = (figure) => figure.split(/,| \(/)[0]

/** Three points: when and where, the targets the kit misses (its figures), where the rest is. */
function summary({ rows, machine, seconds }) {
  const targets = rows.filter((row) => typeof row.met === 'boolean')
  const missed = targets.filter((row) => row.met === false)
  const met = `${targets.length - missed.length} of its ${targets.length} targets`
  return [
    `- Measured by \`npm run bench\` on ${machine.date.slice(0, 10)}: ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, 1-minute load average ${machine.loadAtStart.toFixed(2)} at the start, ${seconds.toFixed(0)} s in all.`,
    missed.length
      ? `- The kit meets ${met}; it misses ${missed.length}:`
      : `- The kit meets ${met}.`,
    ...missed.map((row) => `  - ${shortName(row.name)}: ${row.result}. Target: ${row.target}.`),
    `- Every figure (${rows.length} rows, the kit beside the packages it is compared with), the method and the machine: [bench/RESULTS.md](bench/RESULTS.md); the same rows with their values and thresholds: [bench/results.json](bench/results.json).`,
  ].join('\n')
}

/** Replaces the README's text between the bench markers; throws when they are missing. */
async function writeReadmeSection({ rows, machine, seconds }) {
  const file = path.join(ROOT_DIR, 'README.md')
  const readme = readFileSync(file, 'utf8')
  const start = readme.indexOf(START)
  const end = readme.indexOf(END)
  if (start === -1 || end < start) {
    throw new Error(`README.md: the Performance section needs the markers ${START} and ${END}`)
  }
  const body = summary({ rows, machine, seconds })
  const next = `${readme.slice(0, start + START.length)}\n\n${body}\n\n${readme.slice(end)}`
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(next, { ...options, filepath: file }))
}

export { writeReadmeSection }
