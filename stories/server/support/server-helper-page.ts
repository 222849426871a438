import type { Parameters } from '@storybook/nextjs-vite'

type ServerHelperPage = {
  /** The registry.json item that installs the helper. */
  item: string
  /** The usage file's text (`?raw`): shown under Usage and by every story's "Show code". */
  usage: string
  /** One line: what the helper does, for whom. */
  description: string
}

/**
 * The meta parameters of a server helper's docs page. Its stories render tables and pages that
 * only exist to show what the helper did, so "Show code" shows the usage a reader would write,
 * never that story wiring.
 * Its States gallery shows the states a reader looks for; an edge-case story carries
 * `tags: ['!autodocs']`, written in the story object itself (Storybook's indexer reads only
 * literal tags), so it stays in the sidebar and the tests but off the page, where each story
 * block is an iframe of its own to load.
 */
function serverHelperPage({ item, usage, description }: ServerHelperPage): Parameters {
  return {
    componentPage: { item, usage },
    docs: {
      description: { component: description },
      source: { code: usage, language: 'tsx' },
    },
  }
}

export { serverHelperPage }
