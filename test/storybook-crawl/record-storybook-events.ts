// Runs inside the preview iframe (page.addInitScript, so in every frame of the page too: a docs
// page's story blocks are preview iframes of their own), before Storybook's own code: it catches
// the addons channel the moment the preview installs it, keeps a log of the events that say how far
// each story got, and answers whether the page is done. Self-contained: Playwright sends this
// function's source, not its imports.

/**
 * What a story showed when it finished: the rendered text of its root and of each toast on
 * screen, whitespace collapsed (nothing else is normalised: a text that differs between two
 * renders is a difference).
 */
type StoryShown = { text: string; toasts: string[] }

/** One channel event, reduced to plain data that survives page.evaluate. */
type RecordedEvent =
  | { type: 'storyRenderPhaseChanged'; storyId: string; phase: string }
  | {
      type: 'storyFinished'
      storyId: string
      status: string
      reports: RecordedReport[]
      /** Null unless this document shows the story in story view (#storybook-root). */
      shown: StoryShown | null
    }
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
   * included). A docs page: once it rendered and none of the stories rendered inline in it (none,
   * while each block is an iframe: story-blocks.ts waits for those) has been running, or changed
   * phase, for `quietMs` (they start as React mounts their blocks, so "none running" alone could
   * be seen before the last one began). A missing or broken entry ends at once.
   */
  progress(id: string, type: 'story' | 'docs', quietMs: number): CrawlProgress
  /** What `root` shows now, with the toasts of this document (a docs page's inline story). */
  shownIn(root: Element | null): StoryShown
}

/**
 * Storybook's channel calls each listener with `this` set to the event, whose `from` is the
 * sending channel's `sender`. A nested preview (a docs page's story block) posts its events to its
 * parent, whose channel hands them to its own listeners as if they were its own.
 */
type Channel = {
  sender: string
  on(event: string, listener: (this: { from?: string }, ...args: unknown[]) => void): void
}

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
  const collapse = (text: string) => text.replace(/\s+/g, ' ').trim()
  // The toasts on screen as stories/support/toasts.ts's visibleToasts counts them (sonner renders
  // them into document.body; a dismissed one stays a moment with data-removed="true").
  const shownIn = (root: Element | null): StoryShown => ({
    text: collapse(root instanceof HTMLElement ? root.innerText : ''),
    toasts: [...document.body.querySelectorAll<HTMLElement>('[data-sonner-toast]')]
      .filter((toast) => toast.dataset.removed !== 'true')
      .map((toast) => collapse(toast.innerText)),
  })
  // Taken the moment Storybook says the story finished, in the document that rendered it: a
  // story view and the same story's docs block are then compared at the same point of their run.
  const shownInStoryView = (storyId: string): StoryShown | null => {
    const shows = new URLSearchParams(location.search)
    if (shows.get('viewMode') !== 'story' || shows.get('id') !== storyId) return null
    return shownIn(document.getElementById('storybook-root'))
  }
  const listen = (channel: Channel) => {
    // Only this document's own events: a docs page's blocks report for themselves (every frame
    // has its own log), and their events must not count as the page's.
    const on = (event: string, listener: (...args: unknown[]) => void) =>
      channel.on(event, function (...args) {
        if (this.from === channel.sender) listener(...args)
      })
    on('storyRenderPhaseChanged', (...args) => {
      const { storyId, newPhase } = args[0] as { storyId: string; newPhase: string }
      push({ type: 'storyRenderPhaseChanged', storyId, phase: newPhase })
    })
    on('storyFinished', (...args) => {
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
      push({ type: 'storyFinished', storyId, status, reports, shown: shownInStoryView(storyId) })
    })
    on('docsRendered', (...args) => push({ type: 'docsRendered', id: String(args[0]) }))
    for (const event of [
      'playFunctionThrewException',
      'unhandledErrorsWhilePlaying',
      'storyThrewException',
      'storyErrored',
      'storyMissing',
    ]) {
      on(event, (...args) => push({ type: 'failure', event, message: messageOf(args[0]) }))
    }
  }
  let installed: Channel | undefined
  const clear = () => {
    events.length = 0
    lastChangeAt = performance.now()
  }
  const log: StorybookCrawlLog = { events, clear, progress, shownIn }
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
export type { CrawlProgress, RecordedEvent, RecordedReport, StoryShown, StorybookCrawlLog }
