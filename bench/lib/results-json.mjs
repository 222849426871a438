// bench/results.json: the rows of RESULTS.md's table (rows.mjs) for machines to read. Each
// figure: its value(s) and unit, the candidate, the kit's target as text and as thresholds on
// those values, and whether it is met (null where there is no target). Formatted with the root's
// Prettier so `npm test`'s `prettier --check .` accepts the file.
import { writeFileSync } from 'node:fs'
import prettier from 'prettier'

/** One row as results.json states it; rows without a target get `target: null, met: null`. */
function figure(row) {
  return {
    figure: row.figure,
    name: row.name,
    candidate: row.candidate,
    result: row.result,
    runs: row.runs ?? null,
    unit: row.unit ?? null,
    values: row.values ?? null,
    target: row.target ? { text: row.target, thresholds: row.thresholds ?? null } : null,
    met: row.met ?? null,
  }
}

/** `rows` as rows.mjs made them; `machine`, `seconds`, `args` as RESULTS.md states them. */
async function writeResultsJson(file, { rows, machine, seconds, args }) {
  const json = JSON.stringify({
    command: ['node', 'bench/run.mjs', ...args].join(' '),
    seconds: Math.round(seconds),
    machine,
    figures: rows.map(figure),
  })
  const options = (await prettier.resolveConfig(file)) ?? {}
  writeFileSync(file, await prettier.format(json, { ...options, filepath: file }))
}

export { writeResultsJson }
