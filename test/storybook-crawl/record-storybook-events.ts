// Runs inside the preview iframe (page.addInitScript), before Storybook's own code: it catches the
// addons channel the moment the preview installs it, keeps a log of the events that say how far
// each story got, and answers whether the page is done. Self-contained: Playwright sends this
// function's source, not its imports.

/** One channel event, reduced to plain data that survives page.evaluate. */
type RecordedEvent =
  | { type: 'storyRenderPhaseChanged'; storyId: string; phase: string }
  | { type: 'storyFinished'; storyId: string; status: string; reports: RecordedReport[] }
  | { type: 'docsRendered'; id: string }
  | { type: 'failure'; event: string; message: string }

/** A reporter's verdict on a story (the a11y addon is one): `failed` fails the story. */
type RecordedReport = { type: string; status: string; details: string[] }

/** How far the page got: `done`, and the stories still running (`id (phase)`). */
type CrawlProgress = { done: boolean; running: string[] }

type StorybookCrawlLog = {
  events: RecordedEvent[]
  /** Forgets every event so far: the tab is about to show its next entry. */
  clear(): void
  /**
   * Whether entry `id` is done. A story: once Storybook says it finished (play and afterEach
   * included). A docs page: once it rendered and none of its inline stories has been running, or
   * changed phase, for `quietMs` (they start as React mounts their blocks, so "none running" alone
   * could be seen before the last one began). A missing or broken entry ends at once.
   */
  progress(id: string, type: 'story' | 'docs', quietMs: number): CrawlProgress
}

type Channel = { on(event: string, listener: (...args: unknown[]) => void): void }

/** Installs the recorder on `window.__storybookCrawl`. Never throws into the page. */
function recordStorybookEvents(): void {
  const events: RecordedEvent[] = []
  let lastChangeAt = performance.now()
  const push = (event: RecordedEvent) => {
    events.push(event)
    lastChangeAt = performance.now()
  }
  const TERMINAL_PHASES = ['finished', 'aborted', 'errored']
  const progress = (id: string, type: 'story' | 'docs', quietMs: number): CrawlProgress => {
    const phases = new Map<string, string>()
    for (const event of events) {
      if (event.type === 'storyRenderPhaseChanged') phases.set(event.storyId, event.phase)
    }
    const running = [...phases]
      .filter(([, phase]) => !TERMINAL_PHASES.includes(phase))
      .map(([storyId, phase]) => `${storyId} (${phase})`)
    const broken = events.some(
      (event) => event.type === 'failure' && ['storyErrored', 'storyMissing'].includes(event.event),
    )
    const done =
      type === 'story'
        ? events.some((event) => event.type === 'storyFinished' && event.storyId === id)
        : events.some((event) => event.type === 'docsRendered' && event.id === id) &&
          running.length === 0 &&
          performance.now() - lastChangeAt >= quietMs
    return { done: done || broken, running }
  }
  const messageOf = (value: unknown): string => {
    if (Array.isArray(value)) return value.map(messageOf).join('\n')
    if (value && typeof value === 'object') {
      const { title, message, description } = value as Record<string, unknown>
      return [title, message, description].filter((part) => typeof part === 'string').join(': ')
    }
    return String(value)
  }
  // The a11y addon's report carries axe's result; anything else is summarised by its status.
  const detailsOf = (result: unknown): string[] => {
    const violations = (result as { violations?: unknown } | undefined)?.violations
    if (!Array.isArray(violations)) return []
    return violations.map((violation: { id?: string; help?: string; nodes?: unknown[] }) => {
      const nodes = violation.nodes?.length ?? 0
      return `${violation.id}: ${violation.help} (${nodes} element${nodes === 1 ? '' : 's'})`
    })
  }
  const listen = (channel: Channel) => {
    channel.on('storyRenderPhaseChanged', (...args) => {
      const { storyId, newPhase } = args[0] as { storyId: string; newPhase: string }
      push({ type: 'storyRenderPhaseChanged', storyId, phase: newPhase })
    })
    channel.on('storyFinished', (...args) => {
      const { storyId, status, reporters } = args[0] as {
        storyId: string
        status: string
        reporters?: Array<{ type: string; status: string; result?: unknown }>
      }
      const reports = (reporters ?? []).map((report) => ({
        type: report.type,
        status: report.status,
        details: detailsOf(report.result),
      }))
      push({ type: 'storyFinished', storyId, status, reports })
    })
    channel.on('docsRendered', (...args) => push({ type: 'docsRendered', id: String(args[0]) }))
    for (const event of [
      'playFunctionThrewException',
      'unhandledErrorsWhilePlaying',
      'storyThrewException',
      'storyErrored',
      'storyMissing',
    ]) {
      channel.on(event, (...args) => push({ type: 'failure', event, message: messageOf(args[0]) }))
    }
  }
  let installed: Channel | undefined
  const clear = () => {
    events.length = 0
    lastChangeAt = performance.now()
  }
  const log: StorybookCrawlLog = { events, clear, progress }
  Object.defineProperty(window, '__storybookCrawl', { value: log })
  // Storybook assigns its channel to this global (channel-slot.ts); the setter sees it first.
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => installed,
    set: (channel: Channel | undefined) => {
      if (channel && channel !== installed) listen(channel)
      installed = channel
    },
  })
}

export { recordStorybookEvents }
export type { CrawlProgress, RecordedEvent, RecordedReport, StorybookCrawlLog }
