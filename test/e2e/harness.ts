// The end-to-end harness (DESIGN.md "Testing on these machines"): the built renderer in real
// Chromium, the real preload bundle, and the real router of createCore(testAdapters) in this
// process. Only the thin Electron adapters are not exercised.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { eventChannel } from '../../common/contract/events'
import { createCore, type Core } from '../../main/core'
import { memoryLogSink } from '../../main/log/logger'
import { FakeSafeStorage } from '../fakes/fake-safe-storage'
import type { AuthWindowPort, CoreAdapters, SafeStorageLike } from '../../main/ports'
import { launchChromium } from '../support/chromium'
import { serveRenderer, type StaticServer } from '../support/static-server'
import { PlaywrightAuthWindow } from './playwright-auth-window'
import { preloadInitScript } from './preload-shim'

const root = resolve(import.meta.dirname, '../..')
export const SCREENSHOT_DIR = join(root, 'test-results/e2e')

export interface Harness {
  page: Page
  core: Core
  adapters: CoreAdapters
  logs: ReturnType<typeof memoryLogSink>
  authWindow: PlaywrightAuthWindow
  dataDir: string
  clipboard: { text: string }
  saveDialogAnswers: (string | undefined)[]
  /**
   * Answers to main's native confirmations (e.g. new allowed domains), in order. When empty the
   * answer is true (confirmed), so flows that type new hosts in the editor keep working; queue a
   * false to test a refusal.
   */
  confirmAnswers: boolean[]
  screenshot(name: string): Promise<string>
  /** Everything the bridge returned, as JSON text: tests scan it for canary secrets. */
  bridgeTranscript: string[]
  /** Console errors and uncaught exceptions of the page: a CSP violation shows up here. */
  pageErrors: string[]
  /** A new page of the same app against the same core (e.g. after a "restart"). */
  reload(): Promise<void>
  close(): Promise<void>
}

export interface HarnessOptions {
  dataDir?: string
  safeStorage?: SafeStorageLike
  overrides?: Partial<CoreAdapters>
  viewport?: { width: number; height: number }
  colorScheme?: 'light' | 'dark'
}

let sharedBrowser: Promise<Browser> | undefined
/** One Chromium per test file run; each harness gets its own context. */
export function browser(): Promise<Browser> {
  sharedBrowser ??= launchChromium()
  return sharedBrowser
}

export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close()
  sharedBrowser = undefined
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'zc-e2e-')))
  const ownsDataDir = options.dataDir === undefined
  const server: StaticServer = await serveRenderer(join(root, 'out/renderer'))
  const preloadBundle = await readFile(join(root, 'out/preload/index.cjs'), 'utf8')
  const chromium = await browser()
  const logs = memoryLogSink()
  const clipboard = { text: '' }
  const saveDialogAnswers: (string | undefined)[] = []
  const confirmAnswers: boolean[] = []
  const bridgeTranscript: string[] = []
  const pageErrors: string[] = []
  let context: BrowserContext | undefined
  let page: Page | undefined
  const pending: { event: string; payload: unknown }[] = []

  const authWindow = new PlaywrightAuthWindow(chromium)
  const adapters: CoreAdapters = {
    dataDir,
    app: { name: 'Zoom Connect', version: '0.0.0-e2e', platform: 'linux', arch: process.arch, versions: { node: process.versions.node } },
    safeStorage: options.safeStorage ?? new FakeSafeStorage(),
    authWindow: authWindow as AuthWindowPort,
    externalBrowser: { open: async () => {} },
    clipboard: { writeText: (text) => void (clipboard.text = text), readText: () => clipboard.text },
    dialogs: {
      chooseSaveFile: async () => saveDialogAnswers.shift(),
      chooseOpenFile: async () => saveDialogAnswers.shift(),
      chooseFolder: async () => saveDialogAnswers.shift(),
      confirm: async () => confirmAnswers.shift() ?? true,
    },
    shell: { openPath: async () => {}, openExternal: async () => {} },
    events: {
      emit(event, payload) {
        bridgeTranscript.push(JSON.stringify(payload) ?? '')
        pending.push({ event, payload })
        void flushEvents()
      },
    },
    log: logs,
    ...options.overrides,
  }
  const core = await createCore(adapters, { trustedOrigins: [server.url] })

  async function flushEvents() {
    const current = page
    if (!current || current.isClosed()) return
    while (pending.length > 0) {
      const { event, payload } = pending.shift()!
      await current.evaluate(([channel, data]) => (globalThis as unknown as { __zcEmit?: (c: string, d: unknown) => void }).__zcEmit?.(channel, data), [eventChannel(event as never), payload] as const).catch(() => {})
    }
  }

  async function openPage() {
    context = await chromium.newContext({ viewport: options.viewport ?? { width: 1280, height: 820 }, colorScheme: options.colorScheme ?? 'light' })
    page = await context.newPage()
    const current = page
    await current.exposeBinding('__zcInvoke', async (source, channel: string, input: unknown) => {
      const reply = await core.router.invoke(channel, { frameUrl: source.frame.url(), isMainFrame: source.frame === current.mainFrame(), isOurWindow: true }, input)
      bridgeTranscript.push(JSON.stringify(reply) ?? '')
      return reply
    })
    await current.addInitScript({ content: preloadInitScript(preloadBundle) })
    current.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`console.${message.type()}: ${message.text()}`)
    })
    current.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`))
    await current.goto(`${server.url}/index.html`)
    await current.waitForSelector('[data-app-state="ready"]', { state: 'attached', timeout: 20_000 }).catch(async (error: Error) => {
      const text = await current.locator('body').innerText().catch(() => '')
      throw new Error(`${error.message}\npage errors:\n${pageErrors.join('\n')}\npage text:\n${text.slice(0, 2000)}`)
    })
  }
  await openPage()

  return {
    get page() {
      return page!
    },
    core,
    adapters,
    logs,
    authWindow,
    dataDir,
    clipboard,
    saveDialogAnswers,
    confirmAnswers,
    bridgeTranscript,
    pageErrors,
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page!.screenshot({ path, fullPage: false })
      return path
    },
    async reload() {
      await context?.close()
      await openPage()
    },
    async close() {
      await context?.close()
      await authWindow.close()
      await core.dispose()
      await server.close()
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
