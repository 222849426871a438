// Verify throughput in one process. Candidates alternate within each round (and the starting
// candidate rotates), so a slow moment of this shared 2-core machine hits all of them alike.
import { summarize } from '../lib/stats.mjs'
import { makeCandidates } from './candidates.mjs'

// Short slices, many rounds: a load spike from other work on this shared machine then falls on
// neighbouring slices of different candidates alike, so per-round ratios stay fair.
const ROUND_MS = 150 // time per candidate per round: still hundreds of calls
const WARMUP_ROUNDS = 1 // JIT and key caches warm; not reported

/** Sequential awaited calls for `ms`: ops/s as one request handler would see them. */
async function opsPerSecond(verify, ms) {
  let ops = 0
  const started = performance.now()
  let elapsed = 0
  while (elapsed < ms) {
    for (let i = 0; i < 50; i += 1) await verify()
    ops += 50
    elapsed = performance.now() - started
  }
  return (ops / elapsed) * 1000
}

async function measureThroughput({ rounds }) {
  const candidates = await makeCandidates()
  for (const { verify } of candidates) await verify() // each token must verify before timing
  const samples = new Map(candidates.map(({ id }) => [id, []]))
  for (let round = 0; round < WARMUP_ROUNDS + rounds; round += 1) {
    for (let k = 0; k < candidates.length; k += 1) {
      const { id, verify } = candidates[(round + k) % candidates.length]
      const rate = await opsPerSecond(verify, ROUND_MS)
      if (round >= WARMUP_ROUNDS) samples.get(id).push(rate)
    }
  }
  return candidates.map(({ id, label }) => ({
    id,
    label,
    samples: samples.get(id), // per round, in round order: rounds pair up for ratios
    opsPerSecond: summarize(samples.get(id)),
  }))
}

export { measureThroughput, opsPerSecond, ROUND_MS }
