// better-sqlite3's install script is `prebuild-install || node-gyp rebuild`: online, users get a
// prebuilt binary from GitHub; on this closed network the download fails and the fresh apps would
// compile SQLite from source (about 2 min of both cores each, more than the rest of the install
// test). So the install test serves, on loopback, the binary the repo's own `npm ci` already
// built, packed as the prebuilt release prebuild-install asks for, and points prebuild-install at
// it (its documented `npm_config_<package>_binary_host` mirror setting). The apps' install then
// runs the path users online run: download, unpack, load. Only for this exact version and Node
// ABI: anything else fails here, by name, instead of a slow compile or a binary that won't load.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

const NAME = 'better-sqlite3'
/** The mirror setting prebuild-install reads (util.js getHostMirrorUrl): `npm_config_` + name. */
const HOST_ENV = 'npm_config_better_sqlite3_binary_host'
const BINARY = 'build/Release/better_sqlite3.node'

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex')

/** The root's built module: its version, and proof that this Node (same ABI) loads it. */
function rootModule(root) {
  const packageDir = path.join(root, 'node_modules', NAME)
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8'))
  const binary = path.join(packageDir, BINARY)
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`npm ci\` (or \`npm rebuild ${NAME}\`) in ${root}`)
  }
  // In a child: a module built for another Node ABI fails to load there with ERR_DLOPEN_FAILED.
  const require = createRequire(path.join(root, 'package.json'))
  const probe = spawnSync(
    process.execPath,
    ['-e', `new (require(${JSON.stringify(require.resolve(NAME))}))(':memory:').close()`],
    { encoding: 'utf8' },
  )
  if (probe.status !== 0) {
    throw new Error(
      `${binary} does not load in Node ${process.version} (ABI ${process.versions.modules}); ` +
        `rebuild it for this Node: \`npm rebuild ${NAME}\`\n${probe.stderr}`,
    )
  }
  return { version, binary }
}

/**
 * Packs the root's binary as `v<version>/<name>-v<version>-node-v<abi>-<platform>-<arch>.tar.gz`
 * (prebuild-install's URL for glibc Linux, macOS and Windows) and serves it on 127.0.0.1.
 * Resolves to its `url`, `env` (the mirror setting, for the npm installs), `requests` (what was
 * asked) and `check(app)`, which throws unless `app` got exactly this binary.
 */
async function serveBetterSqlite3Prebuilt(root) {
  const { version, binary } = rootModule(root)
  const file = `${NAME}-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  const urlPath = `/v${version}/${file}`
  const staging = mkdtempSync(path.join(os.tmpdir(), 'better-sqlite3-prebuilt-'))
  mkdirSync(path.join(staging, 'pack', 'build', 'Release'), { recursive: true })
  const tarball = path.join(staging, file)
  const packed = spawnSync(
    'sh',
    ['-ec', 'cp "$1" pack/build/Release/ && tar -czf "$2" -C pack build', 'sh', binary, tarball],
    { cwd: staging, encoding: 'utf8' },
  )
  if (packed.status !== 0) throw new Error(`packing ${binary} failed: ${packed.stderr}`)
  const body = readFileSync(tarball)

  const requests = []
  const server = createServer((request, response) => {
    requests.push(request.url)
    if (request.url === urlPath) {
      response.writeHead(200, { 'content-type': 'application/gzip' }).end(body)
      return
    }
    // Another version or ABI: prebuild-install would fall back to compiling. Said at once.
    console.error(`[install] ${NAME} prebuilt: asked for ${request.url}, serving only ${urlPath}`)
    response.writeHead(404).end()
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${server.address().port}`

  /** Throws unless `app` installed this version with the served binary, byte for byte. */
  function check(app) {
    const installed = path.join(app, 'node_modules', NAME)
    const packageFile = path.join(installed, 'package.json')
    if (!existsSync(packageFile)) throw new Error(`${app}: npm installed no ${NAME}`)
    const got = JSON.parse(readFileSync(packageFile, 'utf8')).version
    if (got !== version) {
      throw new Error(`${app} installed ${NAME} ${got}, the served prebuilt is ${version}`)
    }
    const appBinary = path.join(installed, BINARY)
    if (!existsSync(appBinary) || sha256(appBinary) !== sha256(binary)) {
      throw new Error(`${appBinary} is not the served prebuilt (asked: ${requests.join(', ')})`)
    }
  }

  return {
    url,
    env: { [HOST_ENV]: url },
    file,
    requests,
    check,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

export { serveBetterSqlite3Prebuilt }
