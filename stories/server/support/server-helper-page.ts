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
