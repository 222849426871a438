// A loopback static server for the built registry JSON: the install test fetches the items over
// HTTP exactly as users fetch them from a deployed Storybook (its static dir serves public/r).
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import path from 'node:path'

/** Serves `directory` on 127.0.0.1 (a free port); resolves to its base URL and a close(). */
async function serveDirectory(directory) {
  const server = createServer(async (request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).slice(1)
    // Only plain file names: nothing outside the directory is ever served.
    if (!/^[a-z0-9-]+\.json$/.test(name)) {
      response.writeHead(404).end()
      return
    }
    try {
      const body = await readFile(path.join(directory, name))
      response.writeHead(200, { 'content-type': 'application/json' }).end(body)
    } catch {
      response.writeHead(404).end()
    }
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

export { serveDirectory }
