// A fake connect window (AuthWindowPort) that performs the sandbox's sign-in and consent over
// plain HTTP, with cookies per session partition, and stops at the first URL for which the
// request's isRedirect() is true, as the real window's request interception does.
//
//   const authWindow = new SandboxAuthWindow({ credentials: sandbox.login })
//   authWindow.script.decision = 'decline'        // press Decline instead of Allow
//   authWindow.behaviour = 'close'                 // the person closes the window
//   authWindow.rewriteCallback = (url) => ...      // tamper with what the app receives
import { AppError } from '../../common/errors'
import type { AuthorizeRequest, AuthWindowPort } from '../../main/ports'
import { browse, CookieJars, type ConsentScript } from './http-browser'

export type WindowBehaviour = 'complete' | 'close' | 'hang'

export class SandboxAuthWindow implements AuthWindowPort {
  readonly jars = new CookieJars()
  /** Every authorize() call, in order (URL, partition, title). */
  readonly opened: { url: string; partition: string; title: string }[] = []
  readonly cleared: string[] = []
  /** URLs navigated in the last authorize(), including the intercepted redirect. */
  lastVisited: string[] = []
  /** 'complete' runs the flow; 'close' acts as if the person closed the window; 'hang' waits until aborted. */
  behaviour: WindowBehaviour = 'complete'
  /** Changes the intercepted callback URL before it is handed to the app. */
  rewriteCallback: ((url: string) => string) | undefined
  /** Resolves when a window opens: lets a test act while a flow is pending. */
  private openedListeners: ((request: AuthorizeRequest) => void)[] = []

  constructor(public script: ConsentScript = {}) {}

  whenOpened(): Promise<AuthorizeRequest> {
    return new Promise((resolve) => this.openedListeners.push(resolve))
  }

  async authorize(request: AuthorizeRequest): Promise<string> {
    this.opened.push({ url: request.url, partition: request.partition, title: request.title })
    const listeners = this.openedListeners
    this.openedListeners = []
    for (const listener of listeners) listener(request)
    request.signal.throwIfAborted()
    if (this.behaviour === 'close') throw new AppError('AUTH_FLOW_CANCELLED', 'The sign-in window was closed')
    if (this.behaviour === 'hang') {
      return new Promise<string>((_resolve, reject) => {
        request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true })
      })
    }
    const result = await browse(request.url, this.jars.jar(request.partition), { stopAt: (url) => request.isRedirect(url), signal: request.signal, script: this.script, keepErrorPages: request.errorPage !== undefined }).catch((error: unknown) => {
      throw request.signal.aborted ? request.signal.reason : error
    })
    this.lastVisited = result.visited
    // As the real window does on did-finish-load: a Zoom error page ends the flow with its error.
    const pageError = !result.intercepted && result.page ? request.errorPage?.({ url: result.url, ...result.page }) : undefined
    if (pageError) throw pageError
    if (!result.intercepted) throw new Error(`The flow ended at ${result.url} without reaching the redirect URI`)
    return this.rewriteCallback ? this.rewriteCallback(result.url) : result.url
  }

  async clearSession(partition: string): Promise<void> {
    this.cleared.push(partition)
    this.jars.clear(partition)
  }
}
