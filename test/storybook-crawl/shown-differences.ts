import type { StoryShown } from './record-storybook-events'

/** Characters kept before the first difference of two texts (and twice as many after it). */
const CONTEXT_CHARS = 60

/**
 * How what a docs page's story block showed differs from what the story's own view showed, each
 * difference a line or three naming both sides; none when they are the same. Exact comparison:
 * StoryShown has only its whitespace collapsed.
 */
function shownDifferences(block: StoryShown, view: StoryShown): string[] {
  const differences: string[] = []
  if (block.text !== view.text) {
    const at = firstDifference(block.text, view.text)
    differences.push(
      [
        `text differs at character ${at}`,
        `  docs block: ${excerpt(block.text, at)}`,
        `  story view: ${excerpt(view.text, at)}`,
      ].join('\n'),
    )
  }
  if (block.toasts.length !== view.toasts.length) {
    differences.push(
      `${block.toasts.length} toast(s) in the docs block, ${view.toasts.length} in the story view: ` +
        `docs block ${toastList(block.toasts)}; story view ${toastList(view.toasts)}`,
    )
  } else if (block.toasts.some((toast, index) => toast !== view.toasts[index])) {
    differences.push(
      `toasts differ: docs block ${toastList(block.toasts)}; story view ${toastList(view.toasts)}`,
    )
  }
  return differences
}

function firstDifference(a: string, b: string): number {
  let at = 0
  while (at < a.length && a[at] === b[at]) at += 1
  return at
}

/** The text around `at`, quoted, with … where it was cut. */
function excerpt(text: string, at: number): string {
  const start = Math.max(0, at - CONTEXT_CHARS)
  const end = at + 2 * CONTEXT_CHARS
  return `${start > 0 ? '…' : ''}${JSON.stringify(text.slice(start, end))}${end < text.length ? '…' : ''}`
}

/** `none`, or each distinct text once with how many toasts show it: `23 × "Your session…"`. */
function toastList(toasts: ReadonlyArray<string>): string {
  if (toasts.length === 0) return 'none'
  const counts = new Map<string, number>()
  for (const toast of toasts) counts.set(toast, (counts.get(toast) ?? 0) + 1)
  return [...counts]
    .map(([text, count]) => `${count > 1 ? `${count} × ` : ''}${JSON.stringify(text)}`)
    .join(', ')
}

export { shownDifferences }
