// Types for manual-copy.mjs, which TypeScript files (test/registry.test.ts) import.
type ManualCopyFile = { path: string; target: string }
type ManualCopyItem = { name: string; title: string; files: ManualCopyFile[] }
type ManualCopy = {
  packages: string[]
  devPackages: string[]
  installCommand: string
  items: ManualCopyItem[]
  optional: (ManualCopyItem & { dependencies: string[] })[]
  extras: { name: string; devDependencies: string[] }[]
  app: { next: string; react: string; node: string }
  constants: { name: string; value: string }[]
  engineNotes: { name: string; version: string; node: string }[]
}

declare const DEV_ITEMS: string[]
declare function manualCopy(root: string): ManualCopy
declare function copyScript(copy: Pick<ManualCopy, 'items'>): string
/** `jose@^6.2.18` -> `jose`; `@scope/x@^1` -> `@scope/x`. */
declare function dependencyName(dependency: string): string

export { copyScript, dependencyName, DEV_ITEMS, manualCopy }
export type { ManualCopy, ManualCopyItem }
