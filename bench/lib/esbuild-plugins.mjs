// esbuild plugins shared by the builds. esbuild's own `alias` skips imports made inside
// node_modules; these apply to every import, which the bundles need for a single React.
import path from 'node:path'
import { BENCH_DIR } from './paths.mjs'

/** `server-only` as the root's unit tests see it: a no-op outside a React Server bundle. */
const serverOnlyStub = {
  name: 'server-only-stub',
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({
      path: path.join(BENCH_DIR, 'lib', 'server-only-stub.mjs'),
    }))
  },
}

/**
 * Each import named in `map` (exactly) goes to that file: bundled, or with `external` imported
 * by its path, so that code outside the bundle shares the one module instance.
 */
function exactPaths(map, { external = false } = {}) {
  const escaped = Object.keys(map).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'))
  const filter = new RegExp(`^(${escaped.join('|')})$`)
  return {
    name: 'exact-paths',
    setup(b) {
      b.onResolve({ filter }, ({ path: name }) => ({ path: map[name], external }))
    },
  }
}

/** React and ReactDOM from bench's own install, whoever imports them: one copy per page. */
const benchReact = {
  name: 'bench-react',
  setup(b) {
    b.onResolve({ filter: /^react(-dom)?(\/.*)?$/ }, async ({ path: name, kind, pluginData }) => {
      if (pluginData === 'bench') return undefined // our own resolve call below: let esbuild do it
      const result = await b.resolve(name, { resolveDir: BENCH_DIR, kind, pluginData: 'bench' })
      return { path: result.path }
    })
  },
}

export { benchReact, exactPaths, serverOnlyStub }
