// `session` (docs/api/session.md): one Session per partition, the same object for the same name
// (Session::FromPartition caches them). '' is the default session; 'persist:<name>' keeps its
// data on disk under userData/Partitions, others live in memory. Each Session is one Playwright
// BrowserContext, which gives it its own cookies, storage and cache as a partition has.
// Sessions exist only once the app is ready: "Session can only be received when app is ready"
// (shell/browser/api/electron_api_session.cc).
import { EventEmitter } from 'node:events'
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core'
import { applyPermissions, type CheckHandler, type PermissionHandlers, type RequestHandler } from './permissions'
import { resolveWithConfig, type ProxyConfig } from './proxy'
import { createWebRequest } from './web-request'

export interface SessionHost {
  isReady(): boolean
  browser(): Browser
  browserSession(): Promise<CDPSession>
  userData(): string
  darkColors(): boolean
  systemProxy(url: string): string
}

export interface SessionRecord {
  partition: string
  storageCleared: number
  cacheCleared: number
  authCacheCleared: number
}

export class Session extends EventEmitter {
  readonly partition: string
  readonly persistent: boolean
  readonly record: SessionRecord
  private readonly requests = createWebRequest()
  readonly webRequest = this.requests.webRequest
  readonly permissionHandlers: PermissionHandlers = { request: null, check: null }
  private devicePermissionHandler: unknown = null
  private proxyConfig: ProxyConfig = { mode: 'system' }
  private context?: Promise<BrowserContext>
  private contextId?: string
  private readonly origins = new Set<string>()

  constructor(
    private readonly host: SessionHost,
    partition: string,
  ) {
    super()
    this.partition = partition
    this.persistent = partition.startsWith('persist:')
    this.record = { partition, storageCleared: 0, cacheCleared: 0, authCacheCleared: 0 }
  }

  /** Where a persistent partition keeps its cookies and storage between runs. */
  private storageFile(): string | undefined {
    if (!this.persistent) return undefined
    return join(this.host.userData(), 'Partitions', encodeURIComponent(this.partition.slice('persist:'.length)), 'standin-storage.json')
  }

  browserContext(): Promise<BrowserContext> {
    this.context ??= (async () => {
      const file = this.storageFile()
      return this.host.browser().newContext({
        colorScheme: this.host.darkColors() ? 'dark' : 'light',
        ...(file && existsSync(file) ? { storageState: file } : {}),
      })
    })()
    return this.context
  }

  /** The CDP browserContextId (Browser.setPermission needs it), learnt from the first page. */
  rememberContextId(id: string): void {
    this.contextId ??= id
  }

  webRequestHook() {
    return this.requests
  }

  /** Called before a document of `origin` loads in one of this session's pages. */
  async beforeDocument(contents: unknown, url: string, isMainFrame: boolean): Promise<void> {
    if (!URL.canParse(url)) return
    const origin = new URL(url).origin
    if (origin === 'null') return
    this.origins.add(origin)
    if (!this.contextId) return
    await applyPermissions(await this.host.browserSession(), this.contextId, this.permissionHandlers, { contents, origin, requestingUrl: url, isMainFrame })
  }

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.permissionHandlers.request = handler
  }

  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.permissionHandlers.check = handler
  }

  /** Recorded only: WebHID/WebUSB/serial devices do not exist in headless Chromium. */
  setDevicePermissionHandler(handler: unknown): void {
    this.devicePermissionHandler = handler
  }

  get hasDevicePermissionHandler(): boolean {
    return this.devicePermissionHandler !== null
  }

  /** session.md: clears all storage (cookies, localStorage, IndexedDB…) of every origin by default. */
  async clearStorageData(options: { origin?: string } = {}): Promise<void> {
    this.record.storageCleared += 1
    if (!this.context) return
    const context = await this.context
    const origins = options.origin ? [options.origin] : [...this.origins]
    await this.withCdp(context, async (cdp) => {
      for (const origin of origins) await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'all' })
    })
    if (options.origin) await context.clearCookies({ domain: new URL(options.origin).hostname })
    else await context.clearCookies()
  }

  async clearCache(): Promise<void> {
    this.record.cacheCleared += 1
    if (!this.context) return
    await this.withCdp(await this.context, (cdp) => cdp.send('Network.clearBrowserCache').then(() => {}))
  }

  /**
   * session.md: "resolves when the session's HTTP authentication cache has been cleared". Chromium's
   * per-context HTTP auth cache cannot be read or cleared through CDP: recorded only.
   */
  async clearAuthCache(): Promise<void> {
    this.record.authCacheCleared += 1
  }

  private async withCdp(context: BrowserContext, work: (cdp: CDPSession) => Promise<void>): Promise<void> {
    // A window of this session may be closing right now (a flow that just ended): its page can
    // refuse a CDP session. Electron clears a session whatever its windows do, so fall back to a
    // page of our own.
    const existing = context.pages().find((page) => !page.isClosed())
    if (existing) {
      const done = await this.onPage(context, existing, work).then(
        () => true,
        () => false,
      )
      if (done) return
    }
    const page = await context.newPage()
    try {
      await this.onPage(context, page, work)
    } finally {
      await page.close().catch(() => {})
    }
  }

  private async onPage(context: BrowserContext, page: Page, work: (cdp: CDPSession) => Promise<void>): Promise<void> {
    const cdp = await context.newCDPSession(page)
    try {
      await work(cdp)
    } finally {
      await cdp.detach().catch(() => {})
    }
  }

  async setProxy(config: ProxyConfig): Promise<void> {
    this.proxyConfig = { ...config }
  }

  async resolveProxy(url: string): Promise<string> {
    return resolveWithConfig(this.proxyConfig, url, (target) => this.host.systemProxy(target))
  }

  async closeAllConnections(): Promise<void> {}

  getUserAgent(): string {
    return 'Mozilla/5.0 (X11; Linux x86_64) ZoomConnectStandin'
  }

  /** On quit: persistent partitions keep their cookies and storage; the context goes away. */
  async close(): Promise<void> {
    if (!this.context) return
    const context = await this.context
    const file = this.storageFile()
    if (file) {
      mkdirSync(join(file, '..'), { recursive: true })
      await context.storageState({ path: file }).catch(() => {})
    }
    await context.close().catch(() => {})
  }
}

export function createSessionModule(host: SessionHost) {
  const sessions = new Map<string, Session>()
  const guard = () => {
    if (!host.isReady()) throw new TypeError('Session can only be received when app is ready')
  }
  const fromPartition = (partition: string, _options: { cache?: boolean } = {}): Session => {
    guard()
    let session = sessions.get(partition)
    if (!session) sessions.set(partition, (session = new Session(host, partition)))
    return session
  }
  return {
    module: {
      fromPartition,
      get defaultSession() {
        return fromPartition('')
      },
      fromPath: () => {
        throw new Error('not emulated: session.fromPath')
      },
    },
    sessions,
  }
}
