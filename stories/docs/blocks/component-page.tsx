// Loads the module augmented below (see stories/support/story-context.ts for why).
import type {} from 'storybook/internal/csf'
import {
  ArgTypes,
  Description,
  Heading,
  Primary,
  Source,
  Stories,
  Title,
  useOf,
} from '@storybook/addon-docs/blocks'
import { InstallTabs } from './install-tabs'

/** `parameters.componentPage`: what a component's docs page shows besides its stories. */
type ComponentPageParameters = {
  /** The registry.json item that installs it: `session-gate`. */
  item: string
  /** A real, type-checked usage file from stories/usage/, imported with `?raw`. */
  usage: string
}

declare module 'storybook/internal/csf' {
  interface Parameters {
    componentPage?: ComponentPageParameters
  }
}

/**
 * The docs page of a component, hook or server helper, laid out like shadcn/ui's: title, one-line
 * description (`parameters.docs.description.component`), live preview (the first story), usage,
 * install tabs, options (the meta's argTypes, no controls) and every other state (the stories).
 * A meta without `parameters.componentPage` fails loudly: a page without usage or install steps
 * would look finished and be wrong.
 */
function ComponentPage() {
  const { preparedMeta } = useOf('meta', ['meta'])
  const page = preparedMeta.parameters.componentPage
  if (!page) {
    throw new Error(
      `ComponentPage: the meta of "${preparedMeta.title}" has no parameters.componentPage ` +
        "({ item: '<registry.json item>', usage: '<stories/usage file>?raw' })",
    )
  }
  // ArgTypes' own empty state speaks of controls, which a page without options has no use for.
  const hasOptions = Object.values(preparedMeta.argTypes).some(
    (argType) => argType.table?.disable !== true,
  )
  return (
    <>
      <Title />
      <Description of="meta" />
      <Primary />
      {/* 'story' is the primary story here: what its own docs comment says about the preview. */}
      <Description of="story" />
      <Heading>Usage</Heading>
      <Source code={page.usage} language="tsx" dark={false} />
      <Heading>Installation</Heading>
      <InstallTabs item={page.item} />
      <Heading>Options</Heading>
      {hasOptions ? <ArgTypes /> : <p>None: it takes no options.</p>}
      {/* The first state is the preview above: a second iframe of the same story would cost a
          preview load and share its BroadcastChannel names with the first. */}
      <Stories title="States" includePrimary={false} />
    </>
  )
}

export { ComponentPage }
export type { ComponentPageParameters }
