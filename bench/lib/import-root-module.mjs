// Compiles one TypeScript module of the repository to ESM node can import, the way Next would
// compile it: `server-only` becomes a no-op, npm packages stay imports (same versions as root).
// The bench reads the kit's own code and constants this way instead of copying them.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { serverOnlyStub } from './esbuild-plugins.mjs'
import { ROOT_DIR, outDir } from './paths.mjs'

/** Bundles `<repo root>/<relative>` (e.g. 'src/server/session.ts') and imports it. */
async function importRootModule(relative) {
  const outfile = path.join(outDir('root-modules'), relative.replace(/[/.]/g, '_') + '.mjs')
  await build({
    entryPoints: [path.join(ROOT_DIR, relative)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [serverOnlyStub],
    logLevel: 'error',
  })
  return import(pathToFileURL(outfile).href)
}

export { importRootModule }
