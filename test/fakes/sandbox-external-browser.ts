// A fake system browser (ExternalBrowserPort): open() returns at once, as shell.openExternal
// does, and in the background performs the sandbox's sign-in and consent over HTTP, then loads
// the redirect (which reaches the app's loopback listener for real).
import type { ExternalBrowserPort } from '../../main/ports'
import { browse, type BrowseResult, type ConsentScript } from './http-browser'

export class SandboxExternalBrowser implements ExternalBrowserPort {
  readonly opened: string[] = []
  /** One entry per open(): the browsing outcome (or its failure). */
  readonly runs: Promise<BrowseResult>[] = []
  private readonly jar = new Map<string, string>()

  constructor(public script: ConsentScript = {}) {}

  async open(url: string): Promise<void> {
    this.opened.push(url)
    const run = browse(url, this.jar, { script: this.script })
    run.catch(() => undefined)
    this.runs.push(run)
  }
}
