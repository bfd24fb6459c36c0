// `protocol` (docs/api/protocol.md). registerSchemesAsPrivileged works only before ready
// (shell/browser/api/electron_api_protocol.cc throws "protocol.registerSchemesAsPrivileged should
// be called before app is ready"); protocol.handle(scheme, handler) answers every request of the
// scheme with the handler's Response, in the default session only (lib/browser/api/protocol.ts
// forwards it to session.defaultSession.protocol.handle). Pages reach handled schemes through the mapping of
// scheme-mapping.ts. Only standard schemes can be mapped to an origin, so handling a scheme that
// was not registered as standard is not emulated.
import { notEmulated } from './not-emulated'

export interface CustomScheme {
  scheme: string
  privileges?: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean; corsEnabled?: boolean; bypassCSP?: boolean; allowServiceWorkers?: boolean; stream?: boolean; codeCache?: boolean }
}
type Handler = (request: Request) => Response | Promise<Response>

export function createProtocol(isReady: () => boolean) {
  const privileged = new Map<string, CustomScheme['privileges']>()
  const handlers = new Map<string, Handler>()
  const handledSchemes = new Set<string>()
  const protocol = {
    registerSchemesAsPrivileged(schemes: CustomScheme[]) {
      if (isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
      for (const { scheme, privileges } of schemes) privileged.set(scheme, privileges ?? {})
    },
    handle(scheme: string, handler: Handler) {
      if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`)
      if (['http', 'https', 'file'].includes(scheme)) notEmulated(`protocol.handle('${scheme}') (intercepting a built-in scheme)`)
      if (!privileged.get(scheme)?.standard) notEmulated(`protocol.handle('${scheme}') for a scheme not registered as standard`)
      handlers.set(scheme, handler)
      handledSchemes.add(scheme)
    },
    unhandle(scheme: string) {
      handlers.delete(scheme)
      handledSchemes.delete(scheme)
    },
    isProtocolHandled: (scheme: string) => handlers.has(scheme),
    registerFileProtocol: () => notEmulated('protocol.registerFileProtocol (deprecated; use protocol.handle)'),
    interceptHttpProtocol: () => notEmulated('protocol.interceptHttpProtocol'),
  }
  return { protocol, handlers, handledSchemes, privileged }
}
