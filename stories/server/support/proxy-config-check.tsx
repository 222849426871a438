import './next-server-in-browser'
import { createSessionProxy, type SessionProxyOptions } from '@/lib/session/server/proxy'

type ProxyConfigCheckProps = {
  /** Options passed to `createSessionProxy()`, as an app's proxy.ts would. */
  options: SessionProxyOptions
}

function creationError(options: SessionProxyOptions): string | null {
  try {
    createSessionProxy(options)
    return null
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/** Creates a proxy with `options` and shows whether creation was refused, and why. */
function ProxyConfigCheck({ options }: ProxyConfigCheckProps) {
  const error = creationError(options)
  return (
    <section aria-label="createSessionProxy() result">
      <pre>
        <code>{JSON.stringify(options, null, 2)}</code>
      </pre>
      {error === null ? <p>Accepted.</p> : <p role="alert">Refused at startup: {error}</p>}
    </section>
  )
}

export { ProxyConfigCheck }
