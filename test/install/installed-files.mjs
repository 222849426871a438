// After `shadcn add` (or the README's copy commands): every file of every item installed must
// sit at its target with exactly the repo's content. A missing file, or one the CLI rewrote, is
// named here instead of surfacing later as a puzzling type error.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** Problems found, one line each; empty when every item's files are in place. */
function checkInstalledFiles({ root, app, registry }) {
  return registry.items.flatMap((item) =>
    item.files.flatMap((file) => {
      const installed = path.join(app, file.target)
      if (!existsSync(installed)) return [`${item.name}: ${file.target} is missing`]
      const expected = readFileSync(path.join(root, file.path), 'utf8')
      return readFileSync(installed, 'utf8') === expected
        ? []
        : [
            `${item.name}: ${file.target} differs from ${file.path} (a known cause: shadcn add drops a leading comment)`,
          ]
    }),
  )
}

/** Written last by prepare-app.mjs: its presence says the app in a folder is installed and built. */
const PREPARED_MARKER = '.install-test-prepared'

export { checkInstalledFiles, PREPARED_MARKER }
