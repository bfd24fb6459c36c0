// The end-to-end harness (DESIGN.md "Testing on these machines"): the app starts through its real
// entry point, main/index.ts, with `electron` resolved to the Chromium-backed stand-in
// (test/electron-standin). Everything Electron would do for the app — the app:// protocol with its
// CSP, the real preload bundle, IPC with the sender's frame, the connect window on the sandbox's
// pages, dialogs, clipboard, safeStorage — goes through the stand-in; the test drives it with the
// stand-in's controls. There is no test-only composition root.
import { seedApiFiles } from '../support/seed-api-files'
import { existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { vi } from 'vitest'
import { createStandin, launchStandinChromium, type Standin, type StandinBrowserWindow } from '../electron-standin/runtime'

const root = resolve(import.meta.dirname, '../..')
export const SCREENSHOT_DIR = join(root, 'test-results/e2e')

export interface ConnectWindowRecord {
  /** The URL main loaded in the connect window (the authorization URL). */
  url: string
  /** The session partition the window was opened in. */
  partition: string
}

export interface Harness {
  page: Page
  standin: Standin
  mainWindow: StandinBrowserWindow
  /** Log lines main wrote to <userData>/logs/main.log (already redacted by the logger). */
  logs: { readonly records: string[] }
  authWindow: {
    /** The next connect window main opens (each window is returned once), once it has a page loaded. */
    nextPage(): Promise<Page>
    /** Passes over the connect windows opened so far that the test did not drive (a flow that ended on its own). */
    skipOpened(): void
    readonly requests: ConnectWindowRecord[]
    /** One entry per clearStorageData() main made on a connect-window partition. */
    readonly clearedPartitions: string[]
  }
  dataDir: string
  /** The system clipboard main's `clipboard` module writes. */
  clipboard: { text: string }
  saveDialogAnswers: (string | undefined)[]
  /**
   * Answers to main's native confirmations (e.g. new allowed domains), in order. When empty the
   * answer is the confirm button, so flows that type new hosts in the editor keep working; queue a
   * false to test a refusal.
   */
  confirmAnswers: boolean[]
  screenshot(name: string): Promise<string>
  /** Everything main returned over IPC and sent to pages, as JSON text: tests scan it for canary secrets. */
  readonly bridgeTranscript: string[]
  /** Console errors and uncaught exceptions of the page: a CSP violation shows up here. */
  pageErrors: string[]
  /** Sends an event to the main window as main does (webContents.send). */
  sendToPage(channel: string, payload: unknown): void
  close(): Promise<void>
}

export interface HarnessOptions {
  dataDir?: string
  colorScheme?: 'light' | 'dark'
  /** Extra environment for the app while it starts (e.g. ZOOM_CONNECT_DEMO). */
  env?: Record<string, string>
  /** Electron's Linux secret store; a real keyring by default so "Use the OS keychain" works. */
  safeStorageBackend?: 'basic_text' | 'gnome_libsecret' | 'kwallet6'
  isPackaged?: boolean
  displays?: Parameters<Standin['setDisplays']>[0]
  /** Put Zoom's OpenAPI files where the app keeps its copies before it starts (no fetch from Zoom's API hub). */
  apiFiles?: boolean
}

let sharedBrowser: Promise<Browser> | undefined
/** One Chromium per test file run; each app start gets its own browser contexts. */
export function browser(): Promise<Browser> {
  sharedBrowser ??= launchStandinChromium()
  return sharedBrowser
}

export async function closeBrowser(): Promise<void> {
  if (sharedBrowser) await (await sharedBrowser).close()
  sharedBrowser = undefined
}

/**
 * Runs main/index.ts afresh (new module instances: it has module-level side effects) on a new
 * stand-in and makes the app ready. `env` is the app's environment while its entry runs and starts.
 */
export async function launchApp(options: HarnessOptions & { dataDir: string }): Promise<Standin> {
  const standin = createStandin({
    appPath: root,
    userData: options.dataDir,
    browser: await browser(),
    version: '0.0.0-e2e',
    safeStorageBackend: options.safeStorageBackend ?? 'gnome_libsecret',
    systemTheme: options.colorScheme ?? 'light',
    isPackaged: options.isPackaged ?? false,
    ...(options.displays ? { displays: options.displays } : {}),
  })
  const env: Record<string, string | undefined> = { ELECTRON_RENDERER_URL: undefined, ZOOM_CONNECT_DEMO: undefined, ...options.env }
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]))
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
  }
  setEnv(env)
  try {
    vi.resetModules()
    await import('../../main/index')
    await standin.start()
    // The app reads its environment in its ready handler: let that run before restoring ours.
    await Promise.race([standin.window(0), standin.exited])
  } finally {
    setEnv(saved)
  }
  return standin
}

/** launchApp, then the main window and its page; fails with the app's error box if it quit instead. */
export async function startApp(options: HarnessOptions & { dataDir: string }): Promise<{ standin: Standin; mainWindow: StandinBrowserWindow; page: Page }> {
  const standin = await launchApp(options)
  const mainWindow = await Promise.race([
    standin.window(0),
    standin.exited.then((code) => {
      const errors = standin.dialogs.calls.filter((c) => c.kind === 'showErrorBox').map((c) => JSON.stringify(c.options))
      throw new Error(`The app exited with code ${code} before opening its window. ${errors.join('\n')}`)
    }),
  ])
  return { standin, mainWindow, page: await standin.pageOf(mainWindow) }
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'zc-e2e-')))
  const ownsDataDir = options.dataDir === undefined
  if (options.apiFiles) await seedApiFiles(dataDir)
  const saveDialogAnswers: (string | undefined)[] = []
  const confirmAnswers: boolean[] = []
  const pageErrors: string[] = []

  const { standin, mainWindow, page } = await startApp({ ...options, dataDir })
  standin.dialogs.script(({ kind, options: dialogOptions }) => {
    if (kind === 'showSaveDialog') {
      const path = saveDialogAnswers.shift()
      return path === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath: path }
    }
    if (kind === 'showOpenDialog') {
      const path = saveDialogAnswers.shift()
      return path === undefined ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [path] }
    }
    if (kind === 'showMessageBox') {
      const confirmed = confirmAnswers.shift() ?? true
      const cancelId = typeof dialogOptions.cancelId === 'number' ? dialogOptions.cancelId : 1
      return { response: confirmed ? 0 : cancelId, checkboxChecked: false }
    }
    return undefined
  })
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`console.${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`))
  await page.waitForSelector('[data-app-state="ready"]', { state: 'attached', timeout: 20_000 }).catch(async (error: Error) => {
    const text = await page.locator('body').innerText().catch(() => '')
    throw new Error(`${error.message}\npage errors:\n${pageErrors.join('\n')}\npage text:\n${text.slice(0, 2000)}`)
  })

  let nextWindow = 1
  const connectWindows = () => standin.allWindowsEverCreated().filter((w) => w !== mainWindow)
  const logFile = join(dataDir, 'logs', 'main.log')

  return {
    page,
    standin,
    mainWindow,
    logs: {
      get records() {
        return existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : []
      },
    },
    authWindow: {
      async nextPage() {
        const window = await standin.window(nextWindow++)
        const consent = await standin.pageOf(window)
        await consent.waitForURL((url) => url.href !== 'about:blank')
        return consent
      },
      skipOpened() {
        nextWindow = standin.allWindowsEverCreated().length
      },
      get requests() {
        return connectWindows().map((w) => ({ url: w.webContents.loadedUrls[0] ?? '', partition: String(w.webContents.webPreferences.partition ?? '') }))
      },
      get clearedPartitions() {
        return standin.sessions().flatMap((s) => Array.from({ length: s.storageCleared }, () => s.partition))
      },
    },
    dataDir,
    clipboard: {
      get text() {
        return standin.clipboard.readText()
      },
      set text(value: string) {
        standin.clipboard.writeText(value)
      },
    },
    saveDialogAnswers,
    confirmAnswers,
    get bridgeTranscript() {
      return [
        ...standin.ipcTranscript.map((entry) => JSON.stringify(entry.reply ?? entry.error ?? null)),
        ...standin.sentToPages.map((message) => JSON.stringify(message.args)),
      ]
    },
    pageErrors,
    async screenshot(name) {
      await mkdir(SCREENSHOT_DIR, { recursive: true })
      const path = join(SCREENSHOT_DIR, `${name}.png`)
      await page.screenshot({ path, fullPage: false })
      return path
    },
    sendToPage(channel, payload) {
      mainWindow.webContents.send(channel, payload)
    },
    async close() {
      await standin.quit()
      if (ownsDataDir) await rm(dataDir, { recursive: true, force: true })
    },
  }
}
