import registry from '../../../registry.json'

/** The namespace apps register in components.json; items name their dependencies with it. */
const REGISTRY_NAMESPACE = '@next-session-kit'

/** The part of a registry.json item the install instructions read. */
type RegistryItem = {
  name: string
  title: string
  dependencies?: ReadonlyArray<string>
  devDependencies?: ReadonlyArray<string>
  /** Other items, namespaced: `@next-session-kit/session-contract`. */
  registryDependencies?: ReadonlyArray<string>
  files: ReadonlyArray<{ path: string; target: string }>
}

const REGISTRY_ITEMS: ReadonlyArray<RegistryItem> = registry.items

/** `@next-session-kit/session-contract` -> `session-contract`. */
function itemName(dependency: string): string {
  return dependency.replace(`${REGISTRY_NAMESPACE}/`, '')
}

/** The item called `name`; throws for a name registry.json does not have (a renamed item). */
function registryItem(name: string): RegistryItem {
  const item = REGISTRY_ITEMS.find((candidate) => candidate.name === name)
  if (!item) {
    throw new Error(
      `registry.json has no item "${name}"; its items: ${REGISTRY_ITEMS.map((i) => i.name).join(', ')}`,
    )
  }
  return item
}

/** What the shadcn CLI runs to add `name` (and, through the registry, what it depends on). */
function addCommand(name: string): string {
  return `npx shadcn@latest add ${REGISTRY_NAMESPACE}/${name}`
}

/** `name` and every item it depends on, transitively: what `shadcn add` copies, item first. */
function withDependencies(name: string): ReadonlyArray<RegistryItem> {
  const seen = new Map<string, RegistryItem>()
  const visit = (current: string) => {
    if (seen.has(current)) return
    const item = registryItem(current)
    seen.set(current, item)
    for (const dependency of item.registryDependencies ?? []) visit(itemName(dependency))
  }
  visit(name)
  return [...seen.values()]
}

/** The npm packages of `items`, each once, sorted, as registry.json declares them (`jose@^6.2.18`). */
function npmPackages(items: ReadonlyArray<RegistryItem>): {
  dependencies: ReadonlyArray<string>
  devDependencies: ReadonlyArray<string>
} {
  const unique = (names: ReadonlyArray<string>) => [...new Set(names)].sort()
  return {
    dependencies: unique(items.flatMap((item) => item.dependencies ?? [])),
    devDependencies: unique(items.flatMap((item) => item.devDependencies ?? [])),
  }
}

/** The `npm install` lines for `items` (dev packages on their own line), or [] when none. */
function npmInstallCommands(items: ReadonlyArray<RegistryItem>): ReadonlyArray<string> {
  const { dependencies, devDependencies } = npmPackages(items)
  return [
    ...(dependencies.length > 0 ? [`npm install ${dependencies.join(' ')}`] : []),
    ...(devDependencies.length > 0 ? [`npm install -D ${devDependencies.join(' ')}`] : []),
  ]
}

export {
  addCommand,
  itemName,
  npmInstallCommands,
  npmPackages,
  REGISTRY_ITEMS,
  REGISTRY_NAMESPACE,
  registryItem,
  withDependencies,
}
export type { RegistryItem }
