// "N getSession() calls in one request -> 1 decrypt", checked in a real React Server render:
// React's `cache` dedupes only while a Server render is in progress, so a plain loop of calls
// would prove nothing. The tree is rendered with Next's vendored Flight renderer; next/headers
// is a shim holding the request's cookie (there is no Next server here).
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { exactPaths, serverOnlyStub } from '../lib/esbuild-plugins.mjs'
import { BENCH_DIR, outDir } from '../lib/paths.mjs'

const NEXT_COMPILED = path.join(BENCH_DIR, 'node_modules', 'next', 'dist', 'compiled')
const SHIMS = path.join(BENCH_DIR, 'verify', 'shims')

const REACT = path.join(NEXT_COMPILED, 'react', 'react.react-server.js')
const REACT_DOM = path.join(NEXT_COMPILED, 'react-dom', 'react-dom.react-server.js')

// One React for the renderer and the components: Next's vendored build, as in `next start`
// (Next's compiled files require it by its vendored name, which esbuild would resolve to the
// client build: a directory's package.json `exports` are not read).
const ALIASES = {
  react: REACT,
  'next/dist/compiled/react': REACT,
  'react-dom': REACT_DOM,
  'next/dist/compiled/react-dom': REACT_DOM,
  'react-server-dom-webpack/server': path.join(
    NEXT_COMPILED,
    'react-server-dom-webpack',
    'server.node.js',
  ),
  'next/headers': path.join(SHIMS, 'next-headers.mjs'),
  'next/navigation': path.join(SHIMS, 'next-navigation-server.mjs'),
}

async function measureDalDedupe({ components }) {
  const outfile = path.join(outDir('dal'), 'dal-tree.mjs')
  await build({
    entryPoints: [path.join(BENCH_DIR, 'verify', 'dal-tree.mjs')],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    conditions: ['react-server'],
    plugins: [serverOnlyStub, exactPaths(ALIASES)],
    define: { 'process.env.NODE_ENV': '"production"' },
    // The CommonJS renderer calls require('crypto') etc.: give the ESM bundle a require.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'error',
  })
  const { runDalDedupe } = await import(pathToFileURL(outfile).href)
  return runDalDedupe({ components })
}

export { measureDalDedupe }
