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
import { assertCarriable, electronClone } from './ipc-serialize'
import { preloadInitScript } from './preload-page'
import { fromChromiumUrl, mappedScheme, toChromiumUrl } from './scheme-mapping'
import type { Session } from './session'
import { WebFrameMain } from './web-frame-main'
import { electronResourceType } from './web-request'

export interface WebContentsHost {
  handledSchemes: ReadonlySet<string>
  protocolHandler(scheme: string): ((request: Request) => Response | Promise<Response>) | undefined
  invoke(event: InvokeEvent, channel: string, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }>
  names: { binding: string; dispatcher: string; title: string }
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
  /** lib/browser/api/web-contents.ts '-will-add-new-contents': undefined unless the pop-up posts a form (not emulated). */
  postBody?: undefined
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
  /** A loadURL is waiting for its page: it reports a main-frame failure itself. */
  private loading = 0
  /** The main frame's latest document request (after redirects): did-fail-load's validatedURL. */
  private mainFrameRequestUrl = ''
  /** The main frame's latest document response, for did-navigate. */
  private mainFrameResponse?: { status: number; statusText: string }
  /** The main frame document's title, as the page last set it. */
  private title = ''
  /** The URL whose load failed, while the main frame shows Chromium's error page for it. */
  private errorPageUrl?: string
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
      // navigations arrive as Page.navigatedWithinDocument instead. A committed error page
      // (CDP gives its failed URL as unreachableUrl) is did-fail-load's, not did-navigate's
      // (electron_api_web_contents.cc DidFinishNavigation, IsErrorPage), and getURL() still
      // reports the URL that failed (the last committed URL is the failed one).
      // Its httpResponseCode and httpStatusText are the main-frame document's response (-1 and ''
      // without one).
      if (frame.parentId !== undefined) return
      this.errorPageUrl = frame.unreachableUrl === undefined ? undefined : fromChromiumUrl(frame.unreachableUrl)
      const response = this.mainFrameResponse
      this.mainFrameResponse = undefined
      if (this.errorPageUrl === undefined) this.emit('did-navigate', electronEvent(), fromChromiumUrl(frame.url + (frame.urlFragment ?? '')), response?.status ?? -1, response?.statusText ?? '')
    })
    cdp.on('Network.responseReceived', ({ type, frameId, response }) => {
      if (type === 'Document' && frameId === this.mainFrameId) this.mainFrameResponse = { status: response.status, statusText: response.statusText }
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
    await cdp.send('Network.enable')
    cdp.on('Fetch.requestPaused', (event: PausedRequest) => void this.onRequest(event))
    await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*', requestStage: 'Request' }] })
    if (this.preloadBundle !== undefined) {
      await page.exposeBinding(this.host.names.binding, async (source, channel: string, args: unknown[]) => {
        const senderFrame = source.frame === page.mainFrame() ? this.main! : this.frameFor(source.frame)
        return this.host.invoke({ sender: this, senderFrame, frameId: senderFrame === this.main ? 1 : 2, processId: 1, type: 'frame' }, channel, args)
      })
      // webPreferences.contextIsolation defaults to true (web-preferences in browser-window.md).
      await page.addInitScript({ content: preloadInitScript(this.preloadBundle, this.host.names, { contextIsolation: this.webPreferences.contextIsolation !== false }) })
    }
    // The document's title, as Chromium reports it to Electron (WebContents::TitleWasSet): the
    // window takes it unless its 'page-title-updated' is prevented (browser-window.md;
    // electron_api_browser_window.cc OnPageTitleUpdated), then the webContents emits its own.
    await page.exposeBinding(this.host.names.title, (_source, title: unknown) => {
      if (typeof title !== 'string' || this.destroyed) return
      this.title = title
      this.emit('-page-title-updated', title)
      this.emit('page-title-updated', electronEvent(), title, true)
    })
    await page.addInitScript({ content: titleWatcherScript(this.host.names.title) })
    // An adopted pop-up already shows its first document: watch that one too.
    if (adopt) await page.evaluate(titleWatcherScript(this.host.names.title)).catch(() => {})
    page.on('domcontentloaded', () => this.emit('dom-ready', electronEvent()))
    page.on('load', () => {
      this.history.push('did-finish-load')
      this.emit('did-finish-load', electronEvent())
    })
    // A navigation the page started (a link, a form, a redirect after it) that failed: loadURL
    // reports its own main-frame failures.
    page.on('requestfailed', (request) => {
      if (!request.isNavigationRequest()) return
      const isMainFrame = request.frame() === page.mainFrame()
      if (isMainFrame && this.loading > 0) return
      this.failedLoad(request.failure()?.errorText ?? '', fromChromiumUrl(request.url()), isMainFrame)
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
      if (isDocument && isMainFrame) this.mainFrameRequestUrl = url
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
    // protocol.handle registers on the default session only (lib/browser/api/protocol.ts:
    // `handle: (...args) => session.defaultSession.protocol.handle(...args)`): a page in another
    // partition gets no answer from it.
    const handler = this.session.partition === '' ? this.host.protocolHandler(scheme) : undefined
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
      postBody: undefined,
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

  /**
   * did-fail-load (electron_api_web_contents.cc DidFinishNavigation): (event, errorCode,
   * errorDescription, validatedURL, isMainFrame, frameProcessId, frameRoutingId) for a navigation
   * that committed an error page, the URL being the one that failed (after redirects). Never for
   * ERR_ABORTED ("Do not emit did-fail-load for canceled requests"): a navigation a listener
   * cancelled, or one replaced by another. Returns the error code and name.
   */
  private failedLoad(errorText: string, validatedUrl: string, isMainFrame: boolean): { code: number; description: string } {
    const description = /net::(ERR_[A-Z0-9_]+)/.exec(errorText)?.[1] ?? 'ERR_FAILED'
    const code = netErrorCode(description)
    if (code !== NET_ERR_ABORTED && !this.destroyed) this.emit('did-fail-load', electronEvent(), code, description, validatedUrl, isMainFrame, 1, isMainFrame ? 1 : 2)
    return { code, description }
  }

  /**
   * web-contents.md loadURL: resolves on did-finish-load, rejects when the load fails. The
   * rejection is lib/browser/api/web-contents.ts's: "<name> (<code>) loading '<url>'" with `errno`,
   * `code` and `url`; an unobserved rejection is silenced there (`p.catch(() => {})`), so a
   * `void loadURL(...)` never surfaces one.
   */
  loadURL(url: string, options: Record<string, unknown> = {}): Promise<void> {
    const loaded = this.load(url, options)
    loaded.catch(() => {})
    return loaded
  }

  private async load(url: string, _options: Record<string, unknown>): Promise<void> {
    if (this.destroyed) throw new Error('Object has been destroyed')
    this.loadedUrls.push(url)
    const page = await this.ready
    this.programmaticLoad = true
    this.mainFrameRequestUrl = ''
    this.loading += 1
    try {
      await page.goto(toChromiumUrl(url, this.host.handledSchemes), { waitUntil: 'load' })
    } catch (error) {
      this.programmaticLoad = false
      const validatedUrl = this.mainFrameRequestUrl || url
      const { code, description } = this.failedLoad(String(error), validatedUrl, true)
      // _awaitNextLoad rejects once the error page has loaded (its did-finish-load), not before:
      // a next loadURL then starts after it, as in Electron, instead of being replaced by it.
      if (code !== NET_ERR_ABORTED) await page.waitForURL((at) => at.protocol === 'chrome-error:', { timeout: 5000 }).catch(() => {})
      // A cancelled navigation emits no did-fail-load, and the load stops: _awaitNextLoad rejects
      // with ERR_FAILED (-2) for the URL asked for (its 'did-stop-loading' listener).
      const failure = code === NET_ERR_ABORTED ? { errno: -2, code: 'ERR_FAILED', url } : { errno: code, code: description, url: validatedUrl }
      throw Object.assign(new Error(`${failure.code} (${failure.errno}) loading '${failure.url.slice(0, 2048)}'`), failure)
    } finally {
      this.loading -= 1
    }
  }

  loadFile(): never {
    throw new Error('not emulated: webContents.loadFile (the app serves its pages through app://)')
  }

  getURL(): string {
    if (!this.page) return ''
    const url = this.page.url()
    return url.startsWith('chrome-error:') && this.errorPageUrl !== undefined ? this.errorPageUrl : fromChromiumUrl(url)
  }

  get mainFrame(): WebFrameMain {
    if (!this.main) throw new Error('The page of this webContents is not ready yet')
    return this.main
  }

  /** web-contents.md send: to the main frame's ipcRenderer listeners; arguments are serialized as Electron does (ipc-serialize.ts). */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed')
    const cloned = electronClone(args) as unknown[]
    assertCarriable(cloned, `webContents.send('${channel}')`)
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

  /** web-contents.md getTitle: the page's title; Chromium shows the URL when the page has none. */
  getTitle(): string {
    return this.title || this.getURL()
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
    // The page's setup (its bindings and init scripts) finishes first: Playwright 1.65 answers a
    // binding or init script that completes after its page closed with an object whose page is
    // gone, and its client throws that as an uncaught exception.
    await this.ready.catch(() => {})
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
 * Reports the main frame's document.title whenever it changes (a <title> parsed or set), through a
 * binding the script takes off window before the page's own scripts run. Empty titles are not
 * reported: a page without one keeps the window's title.
 */
function titleWatcherScript(binding: string): string {
  return `(() => {
  const report = globalThis[${JSON.stringify(binding)}];
  delete globalThis[${JSON.stringify(binding)}];
  if (window.top !== window || typeof report !== 'function') return;
  let last = '';
  const check = () => { const title = document.title; if (title !== last && title !== '') { last = title; report(title); } };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
  check();
})();`
}

/**
 * The code Electron gives did-fail-load with a Chromium error name (net/base/net_error_list.h);
 * a name not listed here is reported as ERR_FAILED's code, as a generic failure.
 */
const NET_ERROR_CODES: Record<string, number> = {
  ERR_FAILED: -2,
  ERR_ABORTED: -3,
  ERR_TIMED_OUT: -7,
  ERR_ACCESS_DENIED: -10,
  ERR_BLOCKED_BY_CLIENT: -20,
  ERR_NETWORK_CHANGED: -21,
  ERR_BLOCKED_BY_ADMINISTRATOR: -22,
  ERR_BLOCKED_BY_RESPONSE: -27,
  ERR_BLOCKED_BY_CSP: -30,
  ERR_CONNECTION_CLOSED: -100,
  ERR_CONNECTION_RESET: -101,
  ERR_CONNECTION_REFUSED: -102,
  ERR_CONNECTION_ABORTED: -103,
  ERR_CONNECTION_FAILED: -104,
  ERR_NAME_NOT_RESOLVED: -105,
  ERR_INTERNET_DISCONNECTED: -106,
  ERR_SSL_PROTOCOL_ERROR: -107,
  ERR_ADDRESS_INVALID: -108,
  ERR_ADDRESS_UNREACHABLE: -109,
  ERR_SSL_CLIENT_AUTH_CERT_NEEDED: -110,
  ERR_TUNNEL_CONNECTION_FAILED: -111,
  ERR_SSL_VERSION_OR_CIPHER_MISMATCH: -113,
  ERR_BAD_SSL_CLIENT_AUTH_CERT: -117,
  ERR_CONNECTION_TIMED_OUT: -118,
  ERR_PROXY_CONNECTION_FAILED: -130,
  ERR_NAME_RESOLUTION_FAILED: -137,
  ERR_NETWORK_ACCESS_DENIED: -138,
  ERR_CERT_COMMON_NAME_INVALID: -200,
  ERR_CERT_DATE_INVALID: -201,
  ERR_CERT_AUTHORITY_INVALID: -202,
  ERR_CERT_REVOKED: -206,
  ERR_CERT_INVALID: -207,
  ERR_CERT_WEAK_SIGNATURE_ALGORITHM: -208,
  ERR_INVALID_URL: -300,
  ERR_DISALLOWED_URL_SCHEME: -301,
  ERR_UNKNOWN_URL_SCHEME: -302,
  ERR_TOO_MANY_REDIRECTS: -310,
  ERR_UNSAFE_REDIRECT: -311,
  ERR_UNSAFE_PORT: -312,
  ERR_INVALID_RESPONSE: -320,
  ERR_EMPTY_RESPONSE: -324,
  ERR_HTTP_RESPONSE_CODE_FAILURE: -379,
}

const NET_ERR_ABORTED = -3

function netErrorCode(name: string): number {
  return NET_ERROR_CODES[name] ?? -2
}
