const FRAMES = 2 // sonner renders a toast a frame after it is asked; one more frame for slack

/**
 * Lets pending effects, timers and sonner's deferred render run (two frames, each followed by a
 * macrotask), so a check that something did NOT happen gives it a fair chance to happen first.
 */
async function settle(): Promise<void> {
  for (let frame = 0; frame < FRAMES; frame++) {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
  }
}

/** Waits `ms` of real time: for a check that something does NOT happen within a given time. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export { settle, wait }
