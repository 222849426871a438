import { AnchorMdx, Source } from '@storybook/addon-docs/blocks'
import {
  addCommand,
  npmInstallCommands,
  REGISTRY_NAMESPACE,
  withDependencies,
  type RegistryItem,
} from './registry-install'
import { Tabs } from './tabs'

/** Where the Installation page explains the components.json entry and SESSION_SECRET. */
const INSTALLATION_PAGE = '?path=/docs/docs-installation--docs'

type InstallTabsProps = {
  /** The registry.json item this page installs: `session-gate`. */
  item: string
}

const code = (text: string) => <code>{text}</code>

/** `a`, `a and b`, `a, b and c`, each in code. */
function codeList(words: ReadonlyArray<string>) {
  return words.map((word, index) => (
    <span key={word}>
      {index === 0 ? '' : index === words.length - 1 ? ' and ' : ', '}
      {code(word)}
    </span>
  ))
}

function CliTab({ items }: { items: ReadonlyArray<RegistryItem> }) {
  const [item, ...dependencies] = items
  if (!item) return null
  return (
    <>
      <Source code={addCommand(item.name)} language="bash" dark={false} />
      <p>
        Needs the {code(REGISTRY_NAMESPACE)} registry in your app&apos;s {code('components.json')} (
        <AnchorMdx href={INSTALLATION_PAGE} target="_self">
          Installation
        </AnchorMdx>
        , step 1).
        {dependencies.length > 0 ? (
          <>
            {' '}
            It also adds what {code(item.name)} needs: {codeList(dependencies.map((d) => d.name))}.
          </>
        ) : null}
      </p>
    </>
  )
}

function ManualTab({ items }: { items: ReadonlyArray<RegistryItem> }) {
  const commands = npmInstallCommands(items)
  const files = items.flatMap((item) => item.files.map((file) => ({ item: item.name, ...file })))
  return (
    <>
      <p>
        <strong>1. Install the npm packages</strong>
        {commands.length === 0 ? ': none needed.' : ', in the ranges the CLI installs:'}
      </p>
      {commands.length > 0 ? (
        <Source code={commands.join('\n')} language="bash" dark={false} />
      ) : null}
      <p>
        <strong>2. Copy these files</strong> from the kit to the same paths in your app (they import
        each other by relative path, and through {code('@/lib/session/…')}):
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">File in the kit</th>
            <th scope="col">Path in your app</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.path}>
              <td>{code(file.item)}</td>
              <td>{code(file.path)}</td>
              <td>{code(file.target)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

/**
 * "CLI" and "Manual" install instructions for one registry item and everything it depends on,
 * read from registry.json as the page renders: a renamed item, file or package shows here as is.
 */
function InstallTabs({ item }: InstallTabsProps) {
  const items = withDependencies(item)
  return (
    <Tabs
      label="Installation"
      tabs={[
        { label: 'CLI', content: <CliTab items={items} /> },
        { label: 'Manual', content: <ManualTab items={items} /> },
      ]}
    />
  )
}

export { InstallTabs }
export type { InstallTabsProps }
