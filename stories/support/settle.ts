/**
 * Lets pending effects, timers and sonner's deferred render run (two frames, each followed by a
 * macrotask), so a check that something did NOT happen gives it a fair chance to happen first.
 */
async function settle(): Promise<void> {
  for (let frame = 0; frame < 2; frame++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  }
}

export { settle }
