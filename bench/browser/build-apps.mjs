// Browser bundles of the two harness pages: production React from bench's install, next/navigation
// replaced by the shim, process.env filled in the way Next inlines it for client code.
import path from 'node:path'
import { build } from 'esbuild'
import { benchReact, exactPaths } from '../lib/esbuild-plugins.mjs'
import { BENCH_DIR } from '../lib/paths.mjs'

const APPS = ['kit', 'next-auth']

/** { kit: '<js>', 'next-auth': '<js>' } */
async function buildApps() {
  const bundles = {}
  for (const app of APPS) {
    const result = await build({
      entryPoints: [path.join(BENCH_DIR, 'browser', 'apps', `${app}-app.mjs`)],
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      define: { 'process.env.NODE_ENV': '"production"', 'process.env': '{}' },
      plugins: [
        benchReact,
        exactPaths({
          'next/navigation': path.join(BENCH_DIR, 'browser', 'shims', 'next-navigation.mjs'),
        }),
      ],
      logOverride: { 'module-level-directive': 'silent' },
      logLevel: 'error',
    })
    bundles[app] = result.outputFiles[0].text
  }
  return bundles
}

export { buildApps }
