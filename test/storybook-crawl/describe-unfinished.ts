import type { RecordedEvent } from './record-storybook-events'

/** Why a wait for a page or a story block ran out, from what its frame had reported by then. */
function describeUnfinished(timeoutMs: number, events: RecordedEvent[], running: string[]): string {
  const within = `not done within ${timeoutMs / 1000} s`
  if (events.length === 0) return `${within}: Storybook reported nothing (did the preview load?)`
  return running.length === 0 ? within : `${within}: still running ${running.join(', ')}`
}

export { describeUnfinished }
