// webContents (docs/api/web-contents.md): one Playwright page per WebContents, in its session's
// browser context. Every request of the page is paused through the CDP Fetch domain, which is
// what gives the stand-in Electron's hooks at the right moment:
// - a document request with `redirectedRequestId` is a server redirect → 'will-redirect', any
//   frame (web-contents.md: "Emitted when a server side redirect occurs during navigation");
// - another document request the page started (a link, a form post, location.href, an iframe)
//   → 'will-frame-navigate' for any frame and 'will-navigate' for the main frame only
//   (web-contents.md: "will not emit when the navigation is started programmatically with APIs
//   like webContents.loadURL"); preventDefault() aborts it (net::ERR_ABORTED), the page stays;
// - then session.webRequest.onBeforeRequest (web-request.md);
// - then the permission decisions for the document's origin (permissions.ts);
// - then a handled scheme's protocol handler (protocol.ts), or the network.
// Same-document navigations make no request, so they fire none of these, as in Electron.
import { EventEmitter } from 'node:events'
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core'
import { electronEvent } from './electron-event'
import type { InvokeEvent } from './ipc-main'
import { preloadInitScript } from './preload-page'
import { fromChromiumUrl, mappedScheme, toChromiumUrl } from './scheme-mapping'
import type { Session } from './session'
import { WebFrameMain } from './web-frame-main'
import { electronResourceType } from './web-request'

export interface WebContentsHost {
  handledSchemes: ReadonlySet<string>
  protocolHandler(scheme: string): ((request: Request) => Response | Promise<Response>) | undefined
  invoke(event: InvokeEvent, channel: string, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }>
  names: { binding: string; dispatcher: string }
  onPopup(opener: WebContents, popup: Page, details: WindowOpenDetails): void
  darkColors(): boolean
  /** Every message main sent to a page (the test reads them, e.g. to scan for secrets). */
  recordSent(contents: WebContents, channel: string, args: unknown[]): void
}

export interface WindowOpenDetails {
  url: string
  frameName: string
  features: string
  disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other'
  referrer: { url: string; policy: string }
  postBody: null
}
export type WindowOpenHandler = (details: WindowOpenDetails) => { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions?: Record<string, unknown> }

interface PausedRequest {
  requestId: string
  request: { url: string; method: string; headers: Record<string, string>; postData?: string; hasPostData?: boolean }
  frameId: string
  resourceType: string
  redirectedRequestId?: string
}

let nextId = 1

export class WebContents extends EventEmitter {
  readonly id = nextId++
  /** Everything the window did, in order, for tests that prove ordering ("show before ready-to-show"). */
  readonly history: string[] = []
  /** Every URL given to loadURL, in order. */
  readonly loadedUrls: string[] = []
  private page?: Page
  private cdp?: CDPSession
  private mainFrameId = ''
  private readonly frameUrls = new Map<string, string>()
  private readonly frames = new WeakMap<Frame, WebFrameMain>()
  private readonly subframes = new Map<string, WebFrameMain>()
  private main?: WebFrameMain
  private programmaticLoad = false
  private windowOpenHandler: WindowOpenHandler | null = null
  private destroyed = false
  private devToolsOpen = false
  private webRtcPolicy = 'default'
  private requestCounter = 0
  /** What CDP Page.windowOpen told about pop-ups this page opened, oldest first. */
  private readonly windowOpens: { url: string; windowName: string; windowFeatures: string[]; userGesture: boolean }[] = []
  private windowOpenWaiter?: () => void
  readonly ready: Promise<Page>

  constructor(
    private readonly host: WebContentsHost,
    readonly session: Session,
    readonly webPreferences: { preload?: string; devTools?: boolean; partition?: string } & Record<string, unknown>,
    private readonly preloadBundle: string | undefined,
    adopt?: Page,
  ) {
    super()
    this.ready = this.init(adopt)
    this.ready.catch(() => {})
  }

  private async init(adopt?: Page): Promise<Page> {
    const context: BrowserContext = await this.session.browserContext()
    const page = adopt ?? (await context.newPage())
    this.page = page
    const cdp = await context.newCDPSession(page)
    this.cdp = cdp
    const { targetInfo } = await cdp.send('Target.getTargetInfo')
    this.mainFrameId = targetInfo.targetId
    if (targetInfo.browserContextId) this.session.rememberContextId(targetInfo.browserContextId)
    this.main = new WebFrameMain(() => page.mainFrame().url(), true, () => this.main!)
    cdp.on('Page.frameNavigated', ({ frame }) => {
      this.frameUrls.set(frame.id, frame.url)
      // web-contents.md "Navigation Events": 'did-navigate' fires when the main frame navigates to
      // another document (a reload included), never for in-page navigations (hash, pushState:
      // 'did-navigate-in-page'). CDP's Page.frameNavigated is the same split: same-document
      // navigations arrive as Page.navigatedWithinDocument instead.
      if (frame.parentId === undefined) this.emit('did-navigate', electronEvent(), fromChromiumUrl(frame.url + (frame.urlFragment ?? '')), 200, 'OK')
    })
    cdp.on('Page.frameDetached', ({ frameId }) => {
      const frame = this.subframes.get(frameId)
      if (frame) frame.detached = true
      this.subframes.delete(frameId)
    })
    cdp.on('Page.windowOpen', (event: { url: string; windowName: string; windowFeatures: string[]; userGesture: boolean }) => {
      this.windowOpens.push(event)
      this.windowOpenWaiter?.()
    })
    await cdp.send('Page.enable')
    cdp.on('Fetch.requestPaused', (event: PausedRequest) => void this.onRequest(event))
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
    if (this.preloadBundle !== undefined) {
      await page.exposeBinding(this.host.names.binding, async (source, channel: string, args: unknown[]) => {
        const senderFrame = source.frame === page.mainFrame() ? this.main! : this.frameFor(source.frame)
        return this.host.invoke({ sender: this, senderFrame, frameId: senderFrame === this.main ? 1 : 2, processId: 1, type: 'frame' }, channel, args)
      })
      await page.addInitScript({ content: preloadInitScript(this.preloadBundle, this.host.names) })
    }
    page.on('domcontentloaded', () => this.emit('dom-ready', electronEvent()))
    page.on('load', () => {
      this.history.push('did-finish-load')
      this.emit('did-finish-load', electronEvent())
    })
    page.on('popup', (popup) => void this.onPopup(popup).catch((error: unknown) => console.error(`electron stand-in: pop-up handling failed: ${String(error)}`)))
    page.on('close', () => this.markDestroyed())
    return page
  }

  private frameFor(frame: Frame): WebFrameMain {
    let found = this.frames.get(frame)
    if (!found) this.frames.set(frame, (found = new WebFrameMain(() => frame.url(), false, () => this.main!, frame.name())))
    return found
  }

  private frameById(frameId: string): WebFrameMain {
    if (frameId === this.mainFrameId) return this.main!
    let found = this.subframes.get(frameId)
    if (!found) this.subframes.set(frameId, (found = new WebFrameMain(() => this.frameUrls.get(frameId) ?? '', false, () => this.main!)))
    return found
  }

  private async onRequest(event: PausedRequest): Promise<void> {
    const cdp = this.cdp!
    const fail = (errorReason: 'Aborted' | 'BlockedByClient' | 'Failed') => cdp.send('Fetch.failRequest', { requestId: event.requestId, errorReason }).catch(() => {})
    try {
      const url = fromChromiumUrl(event.request.url)
      const isDocument = event.resourceType === 'Document'
      const isMainFrame = event.frameId === this.mainFrameId
      const frame = this.frameById(event.frameId)
      if (isDocument && !this.navigationAllowed(event, url, isMainFrame, frame)) return void (await fail('Aborted'))
      const answer = await this.session.webRequestHook().run({
        id: ++this.requestCounter,
        url,
        method: event.request.method,
        resourceType: electronResourceType(event.resourceType, isMainFrame),
        referrer: event.request.headers.Referer ?? '',
        timestamp: Date.now(),
        webContentsId: this.id,
        webContents: this,
        frame,
        ...(event.request.postData !== undefined ? { uploadData: [{ bytes: Buffer.from(event.request.postData) }] } : {}),
      })
      if (answer.cancel) return void (await fail('BlockedByClient'))
      if (answer.redirectURL) {
        // web-request.md: redirectURL makes the request redirect there (an internal 307).
        await cdp.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: 307, responseHeaders: [{ name: 'Location', value: toChromiumUrl(answer.redirectURL, this.host.handledSchemes) }] })
        return
      }
      if (isDocument) await this.session.beforeDocument(this, event.request.url, isMainFrame)
      const scheme = mappedScheme(event.request.url)
      if (scheme !== undefined) return void (await this.answerFromHandler(event, scheme, url))
      await cdp.send('Fetch.continueRequest', { requestId: event.requestId })
    } catch (error) {
      // A page that closed meanwhile is the usual cause; anything else is worth seeing.
      if (!this.destroyed) console.error(`electron stand-in: request ${event.request.url} failed in the stand-in: ${String(error)}`)
      await fail('Failed')
    }
  }

  /** The navigation events; false when a listener cancelled the navigation. */
  private navigationAllowed(event: PausedRequest, url: string, isMainFrame: boolean, frame: WebFrameMain): boolean {
    const details = { url, isSameDocument: false, isMainFrame, frame, initiator: null }
    if (event.redirectedRequestId) {
      const redirect = electronEvent(details)
      this.emit('will-redirect', redirect, url, false, isMainFrame, 0, 0)
      return !redirect.defaultPrevented
    }
    if (isMainFrame && this.programmaticLoad) {
      this.programmaticLoad = false
      return true
    }
    const frameEvent = electronEvent(details)
    this.emit('will-frame-navigate', frameEvent)
    if (frameEvent.defaultPrevented) return false
    if (!isMainFrame) return true
    const navigate = electronEvent(details)
    this.emit('will-navigate', navigate, url, false, true, 0, 0)
    return !navigate.defaultPrevented
  }

  private async answerFromHandler(event: PausedRequest, scheme: string, url: string): Promise<void> {
    const handler = this.host.protocolHandler(scheme)
    if (!handler) return void (await this.cdp!.send('Fetch.failRequest', { requestId: event.requestId, errorReason: 'Failed' }))
    const hasBody = event.request.postData !== undefined && !['GET', 'HEAD'].includes(event.request.method)
    const response = await handler(new Request(url, { method: event.request.method, headers: event.request.headers, ...(hasBody ? { body: event.request.postData } : {}) }))
    const body = Buffer.from(await response.arrayBuffer())
    const responseHeaders = [...response.headers.entries()].map(([name, value]) => ({ name, value }))
    await this.cdp!.send('Fetch.fulfillRequest', { requestId: event.requestId, responseCode: response.status, responseHeaders, body: body.toString('base64') })
  }

  /**
   * The handler's details come from CDP Page.windowOpen (the URL the page asked for, the window
   * name and features), which Chromium sends for window.open, target=_blank links and forms; the
   * pop-up's own URL is still about:blank when Playwright reports it.
   */
  private async onPopup(popup: Page): Promise<void> {
    if (this.windowOpens.length === 0) {
      await Promise.race([new Promise<void>((resolve) => (this.windowOpenWaiter = resolve)), popup.waitForEvent('domcontentloaded').catch(() => {})])
      this.windowOpenWaiter = undefined
    }
    const open = this.windowOpens.shift()
    const url = fromChromiumUrl(open?.url ?? popup.url())
    // CDP gives Chromium's parsed features, not the page's string: the sized ones (width=…) are
    // what the page wrote; a window with the toolbar and menu bar is a tab, anything else a pop-up.
    const parsed = open?.windowFeatures ?? []
    const features = parsed.filter((f) => f.includes('=')).join(',')
    const isTab = parsed.includes('menubar') && parsed.includes('toolbar')
    const details: WindowOpenDetails = {
      url,
      frameName: open?.windowName ?? '',
      features,
      // web-contents.md dispositions: a left click on a target=_blank link → 'foreground-tab'; a pop-up → 'new-window'.
      disposition: isTab ? 'foreground-tab' : 'new-window',
      referrer: { url: this.getURL(), policy: 'strict-origin-when-cross-origin' },
      postBody: null,
    }
    this.host.onPopup(this, popup, details)
  }

  /** web-contents.md setWindowOpenHandler: no handler (or no recognised action) allows / denies as documented. */
  decideWindowOpen(details: WindowOpenDetails): { action: 'deny' } | { action: 'allow'; overrideBrowserWindowOptions?: Record<string, unknown> } {
    if (!this.windowOpenHandler) return { action: 'allow' }
    const answer = this.windowOpenHandler(details) as { action?: string } | null | undefined
    if (answer?.action === 'allow') return answer as { action: 'allow' }
    return { action: 'deny' }
  }

  setWindowOpenHandler(handler: WindowOpenHandler | null): void {
    this.windowOpenHandler = handler
  }

  /** web-contents.md loadURL: resolves on did-finish-load, rejects when the load fails (did-fail-load). */
  async loadURL(url: string, _options: Record<string, unknown> = {}): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.loadedUrls.push(url)
    const page = await this.ready
    this.programmaticLoad = true
    try {
      await page.goto(toChromiumUrl(url, this.host.handledSchemes), { waitUntil: 'load' })
    } catch (error) {
      this.programmaticLoad = false
      const description = /net::(ERR_[A-Z_]+)/.exec(String(error))?.[1] ?? 'ERR_FAILED'
      if (!this.destroyed) this.emit('did-fail-load', electronEvent(), netErrorCode(description), description, url, true)
      throw new Error(`${description} loading '${url}'`)
    }
  }

  loadFile(): never {
    throw new Error('not emulated: webContents.loadFile (the app serves its pages through app://)')
  }

  getURL(): string {
    return this.page ? fromChromiumUrl(this.page.url()) : ''
  }

  get mainFrame(): WebFrameMain {
    if (!this.main) throw new Error('The page of this webContents is not ready yet')
    return this.main
  }

  /** web-contents.md send: to the main frame's ipcRenderer listeners; arguments are cloned. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    const cloned = structuredClone(args)
    this.host.recordSent(this, channel, cloned)
    void this.ready.then((page) =>
      page.evaluate(([name, c, a]) => (globalThis as unknown as Record<string, ((c: string, a: unknown[]) => void) | undefined>)[name]?.(c, a), [this.host.names.dispatcher, channel, cloned] as const).catch(() => {}),
    )
  }

  async executeJavaScript(code: string): Promise<unknown> {
    const page = await this.ready
    return page.evaluate(code)
  }

  /** web-preferences devTools: false makes openDevTools do nothing (webPreferences in browser-window.md). */
  openDevTools(): void {
    if (this.webPreferences.devTools === false) return
    this.devToolsOpen = true
    this.history.push('devtools-opened')
    this.emit('devtools-opened')
  }

  closeDevTools(): void {
    this.devToolsOpen = false
  }

  isDevToolsOpened(): boolean {
    return this.devToolsOpen
  }

  toggleDevTools(): void {
    if (this.devToolsOpen) this.closeDevTools()
    else this.openDevTools()
  }

  /** Recorded, not enforced: a per-page WebRTC policy cannot be set in Chromium through CDP. */
  setWebRTCIPHandlingPolicy(policy: string): void {
    if (!['default', 'default_public_interface_only', 'default_public_and_private_interfaces', 'disable_non_proxied_udp'].includes(policy)) throw new TypeError(`Invalid policy: ${policy}`)
    this.webRtcPolicy = policy
  }

  getWebRTCIPHandlingPolicy(): string {
    return this.webRtcPolicy
  }

  getTitle(): string {
    return ''
  }

  isLoading(): boolean {
    return false
  }

  /**
   * A browser-initiated reload: like loadURL it emits no 'will-navigate' (web-contents.md: not
   * emitted for navigations started programmatically; Electron's ElectronNavigationThrottle emits
   * it for renderer-initiated navigations only), then 'did-navigate' once the new document commits.
   */
  reload(): void {
    if (this.destroyed) return
    this.programmaticLoad = true
    void this.ready.then((page) => page.reload()).catch(() => (this.programmaticLoad = false))
  }

  focus(): void {}

  isDestroyed(): boolean {
    return this.destroyed
  }

  /** The page behind this webContents (for the test controls). */
  pageNow(): Page | undefined {
    return this.page
  }

  async close(): Promise<void> {
    if (this.destroyed) return
    this.markDestroyed()
    await this.cdp?.detach().catch(() => {})
    await this.page?.close().catch(() => {})
  }

  private markDestroyed(): void {
    if (this.destroyed) return
    this.destroyed = true
    this.emit('destroyed')
  }
}

/**
 * The code Electron gives did-fail-load with a Chromium error name (net/base/net_error_list.h);
 * a name not listed here is reported as ERR_FAILED's code, as a generic failure.
 */
const NET_ERROR_CODES: Record<string, number> = {
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_TIMED_OUT: -7,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_CONNECTION_CLOSED: -100,
  ERR_CONNECTION_RESET: -101,
  ERR_CONNECTION_REFUSED: -102,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_INTERNET_DISCONNECTED: -106,
  ERR_CONNECTION_TIMED_OUT: -118,
  ERR_CERT_COMMON_NAME_INVALID: -200,
  ERR_CERT_AUTHORITY_INVALID: -202,
}

function netErrorCode(name: string): number {
  return NET_ERROR_CODES[name] ?? -2
}
