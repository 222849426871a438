// Rewrites the README's manual-copy block from registry.json and package.json. Run it after
// changing either; the registry test names this command when the README is stale.
import path from 'node:path'
import { writeManualCopySection } from './readme-manual-copy.mjs'

await writeManualCopySection(path.resolve(import.meta.dirname, '..'))
