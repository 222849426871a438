// Compiles one kit server file (TypeScript) to an ESM module node can import, the way Next would
// compile it: `server-only` becomes a no-op, npm packages stay imports (same versions as root).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { serverOnlyStub } from './esbuild-plugins.mjs'
import { ROOT_DIR, outDir } from './paths.mjs'

/** Bundles `src/<relative>` and imports it. */
async function importKitServer(relative) {
  const outfile = path.join(outDir('kit-server'), relative.replace(/[/.]/g, '_') + '.mjs')
  await build({
    entryPoints: [path.join(ROOT_DIR, 'src', relative)],
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

export { importKitServer }
