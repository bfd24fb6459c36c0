// session.webRequest.onBeforeRequest (docs/api/web-request.md): one listener per event; a new
// one replaces the old, `null` removes it. The filter's `urls` are match patterns ('<all_urls>',
// '*://*.example.com/*') and its optional `types` the resource types. The listener answers through
// its callback: {cancel: true} fails the request with net::ERR_BLOCKED_BY_CLIENT, {redirectURL}
// redirects it. The other webRequest events are not emulated.
export type ResourceType = 'mainFrame' | 'subFrame' | 'stylesheet' | 'script' | 'image' | 'font' | 'object' | 'xhr' | 'ping' | 'cspReport' | 'media' | 'webSocket' | 'other'

export interface BeforeRequestDetails {
  id: number
  url: string
  method: string
  resourceType: ResourceType
  referrer: string
  timestamp: number
  webContentsId?: number
  webContents?: unknown
  frame?: unknown
  uploadData?: { bytes: Buffer }[]
}
export interface BeforeRequestAnswer {
  cancel?: boolean
  redirectURL?: string
}
type Listener = (details: BeforeRequestDetails, callback: (answer: BeforeRequestAnswer) => void) => void
interface Filter {
  urls?: string[]
  excludeUrls?: string[]
  types?: ResourceType[]
}

// CDP Network.ResourceType → web-request.md's resourceType.
export function electronResourceType(cdpType: string, isMainFrame: boolean): ResourceType {
  switch (cdpType) {
    case 'Document':
      return isMainFrame ? 'mainFrame' : 'subFrame'
    case 'Stylesheet':
      return 'stylesheet'
    case 'Script':
      return 'script'
    case 'Image':
      return 'image'
    case 'Font':
      return 'font'
    case 'XHR':
    case 'Fetch':
    case 'EventSource':
      return 'xhr'
    case 'Ping':
      return 'ping'
    case 'CSPViolationReport':
      return 'cspReport'
    case 'Media':
      return 'media'
    case 'WebSocket':
      return 'webSocket'
    default:
      return 'other'
  }
}

/** A Chrome match pattern as a test: '<all_urls>', or scheme://host/path with '*' wildcards. */
export function matchesPattern(pattern: string, url: string): boolean {
  if (pattern === '<all_urls>') return true
  const parts = /^(\*|[a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(pattern)
  if (!parts || !URL.canParse(url)) throw new Error(`Invalid url pattern ${pattern}`)
  const [, scheme, host, path = '/*'] = parts
  const target = new URL(url)
  const targetScheme = target.protocol.slice(0, -1)
  if (scheme === '*' ? !['http', 'https', 'ws', 'wss'].includes(targetScheme) : scheme !== targetScheme) return false
  const glob = (text: string) => new RegExp(`^${text.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
  if (host !== '*' && !(host!.startsWith('*.') ? target.hostname === host!.slice(2) || target.hostname.endsWith(host!.slice(1)) : glob(host!).test(target.host))) return false
  return glob(path!).test(`${target.pathname}${target.search}`)
}

export function createWebRequest() {
  let listener: Listener | null = null
  let filter: Filter = {}
  const notEmulated = (name: string) => () => {
    throw new Error(`not emulated: webRequest.${name}`)
  }
  return {
    webRequest: {
      onBeforeRequest(filterOrListener: Filter | Listener | null, maybeListener?: Listener | null) {
        if (typeof filterOrListener === 'function' || filterOrListener === null) {
          listener = filterOrListener
          filter = {}
        } else {
          for (const pattern of [...(filterOrListener.urls ?? []), ...(filterOrListener.excludeUrls ?? [])]) matchesPattern(pattern, 'https://validate.invalid/')
          listener = maybeListener ?? null
          filter = filterOrListener
        }
      },
      onBeforeSendHeaders: notEmulated('onBeforeSendHeaders'),
      onSendHeaders: notEmulated('onSendHeaders'),
      onHeadersReceived: notEmulated('onHeadersReceived'),
      onResponseStarted: notEmulated('onResponseStarted'),
      onBeforeRedirect: notEmulated('onBeforeRedirect'),
      onCompleted: notEmulated('onCompleted'),
      onErrorOccurred: notEmulated('onErrorOccurred'),
    },
    hasListener: () => listener !== null,
    /** What the listener answers for one request (no listener, or filtered out: go ahead). */
    run(details: BeforeRequestDetails): Promise<BeforeRequestAnswer> {
      const current = listener
      if (!current) return Promise.resolve({})
      const urls = filter.urls ?? []
      if (urls.length > 0 && !urls.some((p) => matchesPattern(p, details.url))) return Promise.resolve({})
      if ((filter.excludeUrls ?? []).some((p) => matchesPattern(p, details.url))) return Promise.resolve({})
      if (filter.types && !filter.types.includes(details.resourceType)) return Promise.resolve({})
      return new Promise((resolve) => current(details, (answer) => resolve(answer ?? {})))
    },
  }
}
