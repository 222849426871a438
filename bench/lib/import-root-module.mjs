// Compiles one TypeScript module of the repository to ESM node can import, the way Next would
// compile it: `server-only` becomes a no-op, npm packages stay imports (same versions as root).
// The bench reads the kit's own code and constants this way instead of copying them.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { exactPaths, serverOnlyStub } from './esbuild-plugins.mjs'
import { ROOT_DIR, outDir } from './paths.mjs'

/**
 * Bundles `<repo root>/<relative>` (e.g. 'src/server/session.ts') and imports it. `shims` maps
 * exact import names to files imported in their place (e.g. `next/headers`, which only a Next
 * server can provide), left outside the bundle so the bench can talk to the same instance.
 */
async function importRootModule(relative, { shims = {} } = {}) {
  const suffix = Object.keys(shims).length > 0 ? '_shimmed' : ''
  const name = relative.replace(/[/.]/g, '_') + suffix + '.mjs'
  const outfile = path.join(outDir('root-modules'), name)
  await build({
    entryPoints: [path.join(ROOT_DIR, relative)],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    plugins: [serverOnlyStub, exactPaths(shims, { external: true })],
    logLevel: 'error',
  })
  return import(pathToFileURL(outfile).href)
}

export { importRootModule }
