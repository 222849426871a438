// Browser bundles of the harness pages: production React from bench's install, next/navigation
// replaced by the shim, process.env filled in the way Next inlines it for client code. The expiry
// page is also rendered on the server, as a Next layout is: buildExpiryRenderer.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { benchReact, exactPaths } from '../lib/esbuild-plugins.mjs'
import { BENCH_DIR, outDir } from '../lib/paths.mjs'

const APPS = ['kit', 'next-auth', 'kit-expiry']
const APPS_DIR = path.join(BENCH_DIR, 'browser', 'apps')
const NAVIGATION_SHIM = exactPaths({
  'next/navigation': path.join(BENCH_DIR, 'browser', 'shims', 'next-navigation.mjs'),
})
const SHARED = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
  logOverride: { 'module-level-directive': 'silent' },
  logLevel: 'error',
}

/** { kit: '<js>', 'next-auth': '<js>', 'kit-expiry': '<js>' } */
async function buildApps() {
  const bundles = {}
  for (const app of APPS) {
    const result = await build({
      ...SHARED,
      entryPoints: [path.join(APPS_DIR, `${app}-app.mjs`)],
      minify: true,
      platform: 'browser',
      write: false,
      define: { ...SHARED.define, 'process.env': '{}' },
      plugins: [benchReact, NAVIGATION_SHIM],
    })
    bundles[app] = result.outputFiles[0].text
  }
  return bundles
}

/**
 * The expiry page's server render for node: React stays external, so the bundle (written under
 * bench/node_modules) imports the same bench install the page's bundle has.
 */
async function buildExpiryRenderer() {
  const outfile = path.join(outDir('expiry-render'), 'kit-expiry-render.mjs')
  await build({
    ...SHARED,
    entryPoints: [path.join(APPS_DIR, 'kit-expiry-render.mjs')],
    outfile,
    platform: 'node',
    external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    plugins: [NAVIGATION_SHIM],
  })
  const { renderExpiryTree } = await import(pathToFileURL(outfile).href)
  return renderExpiryTree
}

export { buildApps, buildExpiryRenderer }
