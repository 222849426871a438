// `node serve-storybook-static.mjs <dir> <port>`: serves the built Storybook on 127.0.0.1, as any
// static host would (no SPA fallback: a missing file is a 404 the page sees, not index.html).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/** Serves `root` on 127.0.0.1:`port`; resolves once it listens. */
async function serveStorybookStatic(root, port) {
  const server = createServer(async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname)
    // path.join normalises `..`: anything that lands outside the folder is refused.
    if (!file.startsWith(`${root}${path.sep}`)) {
      response.writeHead(403).end()
      return
    }
    const found = await stat(file).catch(() => null)
    if (!found?.isFile()) {
      response.writeHead(404).end()
      return
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    response.writeHead(200, { 'content-type': type, 'content-length': found.size })
    createReadStream(file).pipe(response)
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve))
  return server
}

const [root, port] = process.argv.slice(2)
if (!root || !port) {
  console.error('usage: node serve-storybook-static.mjs <storybook-static dir> <port>')
  process.exit(2)
}
await serveStorybookStatic(path.resolve(root), Number(port))
console.log(`serving ${root} on http://127.0.0.1:${port}`)
