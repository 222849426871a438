import type { ArgTypes } from '@storybook/nextjs-vite'

/** One option of a server helper, as its page's Options table shows it. */
type OptionDoc = {
  /** Its TypeScript type, as a reader would write it. */
  type: string
  /** One line: what it does. */
  description: string
  /** What applies when it is left out. */
  defaultValue?: string
}

/**
 * argTypes that document a server helper's options (`createSessionRoute({ loadUser })`): the
 * helpers are functions, not components, so Storybook cannot read their options from props.
 * Grouped under `call` in the table, never a control: they are not the story's args.
 */
function optionArgTypes(call: string, options: Record<string, OptionDoc>): ArgTypes {
  return Object.fromEntries(
    Object.entries(options).map(([name, { type, description, defaultValue }]) => [
      name,
      {
        name,
        description,
        control: false,
        table: {
          category: call,
          type: { summary: type },
          ...(defaultValue === undefined ? {} : { defaultValue: { summary: defaultValue } }),
        },
      },
    ]),
  )
}

export { optionArgTypes }
export type { OptionDoc }
