import 'server-only'
import { isIP, isIPv4 } from 'node:net'

// Next.js gives a Server Action no socket address, and behind a proxy the socket is the proxy's
// anyway: the client's address comes only from a header the proxy sets. Which header is the
// deployment's word, never a guess: any header a client can reach the app with, it can forge.
const TRUSTED_HEADER_ENV = 'TRUSTED_PROXY_IP_HEADER'
// A field name as HTTP defines it (RFC 9110 "token").
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
// Headers clients send too, and proxies append to rather than replace: trusting one counts
// whatever the client wrote first. A proxy sets its own single-value header instead.
const APPENDED_HEADERS = new Set(['x-forwarded-for', 'forwarded'])
// One IPv6 host usually owns a whole /64 (SLAAC, privacy addresses): 4 groups of 16 bits.
const IPV6_PREFIX_GROUPS = 4

class ClientAddressConfigError extends Error {
  override name = 'ClientAddressConfigError'
}

/** The header the trusted proxy sets to the client's address, from the env; null when not configured. */
function trustedAddressHeader(env: Readonly<Record<string, string | undefined>>): string | null {
  const configured = env[TRUSTED_HEADER_ENV]
  if (configured === undefined) return null
  const name = configured.trim().toLowerCase()
  if (!HEADER_NAME.test(name)) {
    throw new ClientAddressConfigError(
      `${TRUSTED_HEADER_ENV} must be one header name, such as x-real-ip; got "${configured}".`,
    )
  }
  if (APPENDED_HEADERS.has(name)) {
    throw new ClientAddressConfigError(
      `${TRUSTED_HEADER_ENV}=${name}: clients send this header themselves and proxies append to ` +
        'it. Have the proxy set a header of its own to the client address (nginx: ' +
        '`proxy_set_header X-Real-IP $remote_addr;`) and name that one.',
    )
  }
  return name
}

function ipv6Groups(address: string): string[] {
  // A dotted IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is the last two groups.
  const dotted = address.match(/^(.*:)(\d+\.\d+\.\d+\.\d+)$/)
  const [a = 0, b = 0, c = 0, d = 0] = dotted?.[2] ? dotted[2].split('.').map(Number) : []
  const hex = dotted
    ? `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
    : address
  const [head = '', tail] = hex.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill('0')
  return [...headGroups, ...zeros, ...tailGroups].map((group) => parseInt(group, 16).toString(16))
}

/** What one client is counted as: an IPv4 address, or the /64 an IPv6 address is in. */
function addressKey(address: string): string {
  if (isIPv4(address)) return address
  const groups = ipv6Groups(address)
  const mapped = groups.slice(0, 6).join(':') === '0:0:0:0:0:ffff'
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6).map((group) => parseInt(group, 16))
    return [high >> 8, high & 255, low >> 8, low & 255].join('.')
  }
  return `${groups.slice(0, IPV6_PREFIX_GROUPS).join(':')}::/64`
}

/**
 * The client's address key from the trusted proxy's header, or null when there is none to trust:
 * no header configured, or a request that did not come through the proxy (then only the
 * per-account limit applies). A value that is not one address is the proxy's misconfiguration.
 */
function clientAddress(headers: Headers, trustedHeader: string | null): string | null {
  if (trustedHeader === null) return null
  const value = headers.get(trustedHeader)
  if (value === null) return null
  const address = value.trim()
  if (isIP(address) === 0) {
    throw new ClientAddressConfigError(
      `The trusted proxy header ${trustedHeader} must hold one IP address; got "${value}". ` +
        'Configure the proxy to set it (not append to it) to the client address.',
    )
  }
  return addressKey(address)
}

export { addressKey, clientAddress, ClientAddressConfigError, trustedAddressHeader }
