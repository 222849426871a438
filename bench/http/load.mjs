// A small keep-alive load generator: `concurrency` connections, each sending its next request
// as soon as the last response has been read, until `requests` are done. No npm dependency.
import http from 'node:http'

/** Sends `requests` GETs to `url`; resolves with { requests, seconds }. Any non-200 throws. */
async function runLoad(url, { requests, concurrency, headers = {} }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const target = new URL(url)
  let sent = 0
  const one = () =>
    new Promise((resolve, reject) => {
      const req = http.get(target, { agent, headers }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(body)
            : reject(new Error(`GET ${target.pathname}: ${res.statusCode} ${body}`)),
        )
      })
      req.on('error', reject)
    })
  async function connection() {
    while (sent < requests) {
      sent += 1
      await one()
    }
  }
  const started = performance.now()
  try {
    await Promise.all(Array.from({ length: concurrency }, connection))
  } finally {
    agent.destroy()
  }
  return { requests, seconds: (performance.now() - started) / 1000 }
}

export { runLoad }
