import { describe, expect, it } from 'vitest'
import {
  addressKey,
  clientAddress,
  ClientAddressConfigError,
  trustedAddressHeader,
} from '@/app/lib/client-address'

// What a client can put on its own request, whatever the proxy does with it.
const SPOOFED = { 'x-forwarded-for': '192.0.2.66', 'x-real-ip': '192.0.2.77' }

describe('trustedAddressHeader: the deployment names the header, or there is none', () => {
  it('not configured: null (the app uses no per-address limit)', () => {
    expect(trustedAddressHeader({})).toBeNull()
  })

  it('a header name, normalised to lower case', () => {
    expect(trustedAddressHeader({ TRUSTED_PROXY_IP_HEADER: ' X-Real-IP ' })).toBe('x-real-ip')
    expect(trustedAddressHeader({ TRUSTED_PROXY_IP_HEADER: 'CF-Connecting-IP' })).toBe(
      'cf-connecting-ip',
    )
  })

  it.each(['', 'x real ip', 'x-real-ip:', 'x-real-ip,x-client-ip'])(
    'bad config "%s" is rejected clearly, never ignored',
    (value) => {
      expect(() => trustedAddressHeader({ TRUSTED_PROXY_IP_HEADER: value })).toThrow(
        new ClientAddressConfigError(
          `TRUSTED_PROXY_IP_HEADER must be one header name, such as x-real-ip; got "${value}".`,
        ),
      )
    },
  )

  it.each(['X-Forwarded-For', 'forwarded'])(
    '%s is rejected: clients send it and proxies append to it',
    (value) => {
      expect(() => trustedAddressHeader({ TRUSTED_PROXY_IP_HEADER: value })).toThrow(
        /clients send this header themselves and proxies append to it/,
      )
    },
  )
})

describe('clientAddress', () => {
  it('untrusted headers are ignored: without the setting, no address at all', () => {
    expect(clientAddress(new Headers(SPOOFED), null)).toBeNull()
  })

  it('the trusted header is used, and only it (a client-sent X-Forwarded-For beside it is not)', () => {
    const headers = new Headers({ ...SPOOFED, 'x-real-ip': '203.0.113.9' })
    expect(clientAddress(headers, 'x-real-ip')).toBe('203.0.113.9')
  })

  it('a request that did not come through the proxy (no header): null, per-account limit only', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '192.0.2.66' }), 'x-real-ip')).toBeNull()
  })

  it.each(['203.0.113.9, 10.0.0.1', 'unknown', ''])(
    'a trusted value that is not one address ("%s") is the proxy misconfigured: an error',
    (value) => {
      expect(() => clientAddress(new Headers({ 'x-real-ip': value }), 'x-real-ip')).toThrow(
        ClientAddressConfigError,
      )
    },
  )
})

describe('addressKey: what one client is counted as', () => {
  it('IPv4 as is; IPv4-mapped IPv6 as its IPv4 address', () => {
    expect(addressKey('203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('::ffff:203.0.113.9')).toBe('203.0.113.9')
    expect(addressKey('::ffff:cb00:7109')).toBe('203.0.113.9')
  })

  it('IPv6 by its /64: one host rotating addresses in its prefix is one client', () => {
    const key = '2001:db8:1:2::/64'
    expect(addressKey('2001:db8:1:2:3:4:5:6')).toBe(key)
    expect(addressKey('2001:0db8:0001:0002::9')).toBe(key)
    expect(addressKey('2001:DB8:1:2:ffff::1')).toBe(key)
    expect(addressKey('2001:db8:1:3::1')).not.toBe(key)
    expect(addressKey('::1')).toBe('0:0:0:0::/64')
    expect(addressKey('64:ff9b::192.0.2.1')).toBe('64:ff9b:0:0::/64')
  })
})
