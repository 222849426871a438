// A self-signed certificate for the e2e proxy, made fresh by every run: no key is committed, and
// nothing outside the run trusts it (the browser is told to accept it: ignoreHTTPSErrors).
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const VALID_DAYS = 2 // a run takes minutes; a day of slack covers a clock that crosses midnight

/**
 * Writes `certificate.pem` and `key.pem` for `host` into `dir`.
 * @param {string} dir
 * @param {string} host
 * @returns {{ certificate: string, key: string }}
 */
function makeTestCertificate(dir, host) {
  const certificate = path.join(dir, 'certificate.pem')
  const key = path.join(dir, 'key.pem')
  // P-256 rather than RSA: instant to generate on a busy machine. The name goes in
  // subjectAltName, which is all browsers read (the CN is ignored).
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      key,
      '-out',
      certificate,
      '-days',
      String(VALID_DAYS),
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    ],
    { encoding: 'utf8' },
  )
  if (made.error) throw new Error(`openssl could not run (is it installed?): ${made.error.message}`)
  if (made.status !== 0) throw new Error(`openssl req -x509 failed:\n${made.stderr}`)
  return { certificate, key }
}

export { makeTestCertificate }
