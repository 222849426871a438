import './next-server-in-browser'
import { NextRequest } from 'next/server'
import { withServerHeaders, type ServerHeaders } from './server-request'

/** A `NextRequest` as Next 16 hands it to `proxy.ts`, forbidden headers included. */
function serverNextRequest(url: string, headers: ServerHeaders = {}): NextRequest {
  class ServerNextRequest extends NextRequest {}
  withServerHeaders(ServerNextRequest.prototype, headers)
  return new ServerNextRequest(url)
}

export { serverNextRequest }
