import { createServer } from 'node:http'
import { connect, type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { E2E_PORT } from './server-env'

/** A fresh loopback address (127.x.y.z): Linux routes all of 127/8 to this machine. */
function randomLoopbackAddress(): string {
  const byte = () => 1 + Math.floor(Math.random() * 254)
  return `127.${byte()}.${byte()}.${byte()}`
}

type SourceAddressProxy = {
  /** For `browser.newContext({ proxy: { server } })`. */
  server: string
  /** The address nginx sees this context's connections come from (its `$remote_addr`). */
  address: string
  close(): Promise<void>
}

/**
 * An HTTP CONNECT proxy that opens every tunnel to the e2e's nginx from `address`, so a browser
 * context using it is a client of its own in nginx's eyes, and so in the app's, which reads the
 * address nginx puts in X-Real-IP. Only tunnels to nginx's port are opened (the TLS inside stays
 * end to end): nothing else can be reached through it.
 */
async function startSourceAddressProxy(
  address: string = randomLoopbackAddress(),
): Promise<SourceAddressProxy> {
  const proxy = createServer((_, response) => response.writeHead(405).end())
  // Tunnels are no longer the HTTP server's to close: kept here so close() ends them.
  const tunnels = new Set<Duplex>()
  proxy.on('connect', (request, client, head) => {
    const port = Number(new URL(`http://${request.url ?? ''}`).port)
    if (port !== E2E_PORT) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect({ host: '127.0.0.1', port, localAddress: address }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client).pipe(upstream)
    })
    tunnels.add(client).add(upstream)
    upstream.on('close', () => tunnels.delete(upstream))
    client.on('close', () => tunnels.delete(client))
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as AddressInfo
  return {
    server: `http://127.0.0.1:${port}`,
    address,
    close: () =>
      new Promise((resolve) => {
        for (const socket of tunnels) socket.destroy()
        proxy.closeAllConnections()
        proxy.close(() => resolve())
      }),
  }
}

export { startSourceAddressProxy }
export type { SourceAddressProxy }
