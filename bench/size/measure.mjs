// Client size: each entry bundled for the browser with esbuild, minified, then gzip level 9.
// Entries import exactly the names compared and use them, so tree-shaking is equally fair.
import { gzipSync } from 'node:zlib'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { FRAMEWORK_EXTERNALS } from '../lib/externals.mjs'

const ENTRIES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'entries')

/** What each entry measures, in table order. */
const SIZE_CANDIDATES = [
  { id: 'kit-core', label: 'kit core (SessionProvider, SessionGate, useUser, useSession + jotai)' },
  // The same build with jotai left out: the kit's own code, which its size target is about.
  {
    id: 'kit-core-own',
    entry: 'kit-core',
    external: ['jotai', 'jotai/*'],
    label: "kit core's own code (jotai external)",
  },
  { id: 'kit-toast', label: 'kit core + ExpiryToast (+ sonner)' },
  {
    id: 'kit-core-entry',
    label: 'kit core via the src/client.ts entry',
  },
  {
    id: 'kit-toast-entry',
    label: 'kit core via src/client.ts + ExpiryToast via src/toast.ts (+ sonner)',
  },
  { id: 'next-auth', label: 'next-auth/react (SessionProvider, useSession, signOut)' },
  { id: 'better-auth', label: 'better-auth/react (createAuthClient)' },
  { id: 'clerk', label: '@clerk/nextjs (ClerkProvider, useUser, SignedIn, SignedOut)' },
]

/** Minified bytes per input, grouped by npm package or by kit file: where the size comes from. */
function contributors(metafile) {
  const [output] = Object.values(metafile.outputs)
  const groups = new Map()
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const match = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
    const key = match ? match[1] : input.replace(/^(\.\.\/)+/, '')
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput)
  }
  return [...groups].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes)
}

async function measureEntry(entry, external = []) {
  const result = await build({
    entryPoints: [path.join(ENTRIES_DIR, `${entry}.mjs`)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    external: [...FRAMEWORK_EXTERNALS, ...external],
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    write: false,
    // 'use client' directives are dropped when bundling; esbuild says so once per file.
    logOverride: { 'module-level-directive': 'silent' },
    logLevel: 'error',
  })
  const code = result.outputFiles[0].contents
  return {
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    contributors: contributors(result.metafile),
  }
}

/** Sizes are deterministic for a given install: one build each (run count 1). */
async function measureSizes() {
  const rows = []
  for (const candidate of SIZE_CANDIDATES) {
    const entry = candidate.entry ?? candidate.id
    rows.push({ ...candidate, ...(await measureEntry(entry, candidate.external)) })
  }
  return rows
}

export { measureSizes }
