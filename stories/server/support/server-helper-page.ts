import type { ArgTypes, Parameters } from '@storybook/nextjs-vite'
import { optionArgTypes, type OptionDoc } from './option-arg-types'

type ServerHelperPage = {
  /** The registry.json item that installs the helper. */
  item: string
  /** The usage file's text (`?raw`): shown under Usage and by every story's "Show code". */
  usage: string
  /** One line: what the helper does, for whom. */
  description: string
  /** The arg that lists a table's rows (`steps`): each story sets it; no control, off the table. */
  rowsArg?: string
  /** The options of each call the page documents, keyed by the call: `'verifySession(options)'`. */
  options?: Record<string, Record<string, OptionDoc>>
}

/**
 * The meta argTypes and parameters of a server helper's docs page. Its stories render tables and
 * pages that only exist to show what the helper did, so "Show code" shows the usage a reader
 * would write, never that story wiring; the args table documents the helper's options.
 * Its States gallery shows the states a reader looks for; an edge-case story carries
 * `tags: ['!autodocs']`, written in the story object itself (Storybook's indexer reads only
 * literal tags), so it stays in the sidebar and the tests but off the page, where each story
 * block is an iframe of its own to load.
 */
function serverHelperPage({ item, usage, description, rowsArg, options = {} }: ServerHelperPage): {
  argTypes: ArgTypes
  parameters: Parameters
} {
  return {
    argTypes: Object.assign(
      rowsArg === undefined ? {} : { [rowsArg]: { table: { disable: true }, control: false } },
      ...Object.entries(options).map(([call, docs]) => optionArgTypes(call, docs)),
    ),
    parameters: {
      componentPage: { item, usage },
      docs: {
        description: { component: description },
        source: { code: usage, language: 'tsx' },
      },
    },
  }
}

export { serverHelperPage }
