// Figures that vary are reported as min / median / max over their runs, never as one number.

/** { runs, min, median, max } of a list of numbers. */
function summarize(values) {
  if (values.length === 0) throw new RangeError('summarize: no values')
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  return { runs: sorted.length, min: sorted[0], median, max: sorted[sorted.length - 1] }
}

/** "a / b / c" with `digits` decimals, or one number when all runs agree. */
function formatSpread({ min, median, max }, digits = 0) {
  const fmt = (n) =>
    n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
  return min === max ? fmt(min) : `${fmt(min)} / ${fmt(median)} / ${fmt(max)}`
}

export { formatSpread, summarize }
