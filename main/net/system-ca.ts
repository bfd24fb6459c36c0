// Main's HTTP (got over node:https) trusts what Chromium trusts. The connect window runs on
// Chromium's network stack, which verifies servers against the operating system's trust store;
// Node verifies against its own bundled Mozilla list only. Behind a TLS-inspecting proxy whose root
// is installed in the OS (common in companies), sign-in in the connect window works and the token
// request from main then fails with UNABLE_TO_GET_ISSUER_CERT_LOCALLY. NODE_EXTRA_CA_CERTS cannot
// help: the nodeOptions fuse is off (electron-builder.yml), and Electron then drops that variable
// too (docs/tutorial/fuses.md "nodeOptions"; shell/common/node_bindings.cc SetNodeOptions).
import type * as Tls from 'node:tls'

type TlsLike = Partial<Pick<typeof Tls, 'getCACertificates' | 'setDefaultCACertificates'>>

/** Adds the OS trust store to Node's default CAs (Node 24.5+, Electron 41 ships 24.18). False when it could not. */
export function trustSystemCertificates(tls: TlsLike): boolean {
  if (typeof tls.getCACertificates !== 'function' || typeof tls.setDefaultCACertificates !== 'function') return false
  try {
    const system = tls.getCACertificates('system')
    if (system.length === 0) return false
    tls.setDefaultCACertificates([...new Set([...tls.getCACertificates('default'), ...system])])
    return true
  } catch {
    // A store that cannot be read leaves Node's own list in place, as before.
    return false
  }
}
