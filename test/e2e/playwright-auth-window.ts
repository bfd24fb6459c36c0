// The AuthWindow port implemented with a Playwright page: like the Electron connect window, it
// lives in its own context per partition, and the request to the redirect URI is aborted before
// it leaves (page.route), resolving the flow with that URL.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { AppError } from '../../common/errors'
import type { AuthWindowPort, AuthorizeRequest } from '../../main/ports'

export class PlaywrightAuthWindow implements AuthWindowPort {
  private readonly contexts = new Map<string, BrowserContext>()
  private readonly waiting: ((page: Page) => void)[] = []
  private readonly opened: Page[] = []
  readonly requests: AuthorizeRequest[] = []
  readonly clearedPartitions: string[] = []

  constructor(private readonly browser: Browser) {}

  /** The next connect window that opens (or the one already open and not yet taken). */
  nextPage(): Promise<Page> {
    const ready = this.opened.shift()
    if (ready) return Promise.resolve(ready)
    return new Promise((resolve) => this.waiting.push(resolve))
  }

  async authorize(request: AuthorizeRequest): Promise<string> {
    this.requests.push(request)
    let context = this.contexts.get(request.partition)
    if (!context) {
      context = await this.browser.newContext()
      this.contexts.set(request.partition, context)
    }
    const page = await context.newPage()
    const requestMatches = (url: string) => request.isRedirect(url)
    return new Promise<string>((resolve, reject) => {
      let settled = false
      const settle = (outcome: () => void) => {
        if (settled) return
        settled = true
        outcome()
        void page.close().catch(() => {})
      }
      request.signal.addEventListener('abort', () => settle(() => reject(request.signal.reason)), { once: true })
      page.on('close', () => settle(() => reject(new AppError('AUTH_FLOW_CANCELLED', 'The connect window was closed before Zoom finished.'))))
      // page.route does not see the target of an HTTP redirect (Zoom answers Allow with a 302),
      // so watch every request as well. Unlike Electron's webRequest hook this cannot cancel the
      // request; the sandbox answers the stray callback with a 404, which nothing reads.
      page.on('request', (request) => {
        if (request.isNavigationRequest() && requestMatches(request.url())) settle(() => resolve(request.url()))
      })
      void page
        .route('**/*', async (route) => {
          const url = route.request().url()
          if (requestMatches(url)) {
            await route.abort('aborted').catch(() => {})
            settle(() => resolve(url))
          } else {
            await route.continue().catch(() => {})
          }
        })
        .then(() => page.goto(request.url))
        .catch(() => {})
        .finally(() => {
          const waiter = this.waiting.shift()
          if (waiter) waiter(page)
          else this.opened.push(page)
        })
    })
  }

  async clearSession(partition: string): Promise<void> {
    this.clearedPartitions.push(partition)
    await this.contexts.get(partition)?.close()
    this.contexts.delete(partition)
  }

  async close(): Promise<void> {
    for (const context of this.contexts.values()) await context.close().catch(() => {})
    this.contexts.clear()
  }
}
