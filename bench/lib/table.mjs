// The one results table: a row per figure and candidate, rendered as Markdown for stdout and
// RESULTS.md alike.

const COLUMNS = ['#', 'Figure', 'Candidate', 'Result', 'Runs', 'Target (kit)', 'Met']

function cell(value) {
  return String(value ?? '').replace(/\|/g, '\\|')
}

/** Markdown table of `rows` ({ figure, name, candidate, result, runs, target, met }, rows.mjs). */
function renderTable(rows) {
  const lines = [`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => ' --- ').join('|')}|`]
  for (const row of rows) {
    const met = row.met === undefined || row.met === null ? '' : row.met ? 'yes' : 'NO'
    const cells = [row.figure, row.name, row.candidate, row.result, row.runs, row.target, met]
    lines.push(`| ${cells.map(cell).join(' | ')} |`)
  }
  return lines.join('\n')
}

export { renderTable }
