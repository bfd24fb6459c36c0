// Main's HTTP runs on node:https, which (unlike the connect window's Chromium) does not read the
// OS trust store. trustSystemCertificates adds it, on the same Node major as Electron 41 (24.x).
import { X509Certificate } from 'node:crypto'
import * as tls from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { trustSystemCertificates } from '../../../main/net/system-ca'

const before = tls.getCACertificates('default')
// Node normalises the PEM text it keeps, so certificates are compared by fingerprint.
const fingerprints = (pems: readonly string[]) => new Set(pems.map((pem) => new X509Certificate(pem).fingerprint256))
afterEach(() => tls.setDefaultCACertificates(before))

describe('trustSystemCertificates', () => {
  it('makes every certificate of the OS store one that main’s HTTP trusts, keeping Node’s own', () => {
    const system = tls.getCACertificates('system')
    expect(trustSystemCertificates(tls)).toBe(system.length > 0)
    const trusted = fingerprints(tls.getCACertificates('default'))
    for (const cert of fingerprints([...system, ...before])) expect(trusted.has(cert)).toBe(true)
  })

  it('leaves Node’s list alone where the store cannot be read or the API is missing', () => {
    expect(trustSystemCertificates({})).toBe(false)
    const failing = { getCACertificates: () => { throw new Error('no store') }, setDefaultCACertificates: () => { throw new Error('not called') } }
    expect(trustSystemCertificates(failing as never)).toBe(false)
  })
})
