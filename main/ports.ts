// The ports main's domain code depends on. main/platform/ implements them with Electron;
// tests implement them with hand-written fakes (DESIGN.md, "Testing on these machines").
import type { ApiFileSource } from './catalog/ports'
import type { EventMap, EventName } from '../common/contract/events'
import type { AppError } from '../common/errors'
import type { SocketFactory } from './events/event-socket'
import type { WebhookSchemaPort } from './events/schemas/webhook-schemas'
import type { LogSink } from './log/logger'
import type { UpdaterPort } from './updates/updater-port'

/** Electron's `safeStorage` satisfies this. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
  getSelectedStorageBackend?(): string
}

export interface AuthorizeRequest {
  /** The authorization URL main built. */
  url: string
  /** Per-profile session partition, so a Zoom/SSO sign-in can be remembered (or cleared). */
  partition: string
  /** True for the registered redirect URI: that request is intercepted and never leaves the machine. */
  isRedirect(url: string): boolean
  signal: AbortSignal
  title: string
  /**
   * Called with each page the window finished loading (not the redirect): an AppError when it is
   * a Zoom error page (e.g. 4700 "Invalid redirect", or one without a code such as an unknown
   * app), which then ends the flow with that error.
   */
  errorPage?(page: LoadedPage): AppError | undefined
}

/** What the connect window read of a page it loaded. */
export interface LoadedPage {
  url: string
  title: string
  /** The page's visible text (capped). */
  text: string
  /** The HTTP status its main-frame response came with, when known. */
  status?: number
}

/** The connect window: a main-owned window without preload. */
export interface AuthWindowPort {
  /**
   * Opens `url`; resolves with the first URL for which `isRedirect` is true (request cancelled).
   * Rejects with AppError('AUTH_FLOW_CANCELLED') when the person closes the window, and with the
   * signal's reason when aborted.
   */
  authorize(request: AuthorizeRequest): Promise<string>
  clearSession(partition: string): Promise<void>
}

/**
 * Which proxy a URL goes through, as Chromium decides it (system settings, PAC script): Electron's
 * `session.resolveProxy` answer, a PAC result list such as `PROXY host:port; DIRECT`.
 */
export interface ProxyResolver {
  resolve(url: string): Promise<string>
}

export interface ExternalBrowserPort {
  open(url: string): Promise<void>
}

export interface ClipboardPort {
  writeText(text: string): void
  readText(): string
}

export interface FileFilter {
  name: string
  extensions: string[]
}

export interface DialogPort {
  chooseSaveFile(options: { title: string; defaultName: string; filters?: FileFilter[] }): Promise<string | undefined>
  chooseOpenFile(options: { title: string; filters?: FileFilter[] }): Promise<string | undefined>
  chooseFolder(options: { title: string }): Promise<string | undefined>
  /**
   * A native yes/no question owned by main, which a compromised renderer cannot answer for the
   * person (e.g. letting a credential go to new hosts). True only when the person confirmed.
   */
  confirm(options: { title: string; message: string; detail?: string; confirmLabel: string }): Promise<boolean>
}

export interface ShellPort {
  /** Opens a folder or file with the OS. */
  openPath(path: string): Promise<void>
  /** Opens an https URL in the system browser. */
  openExternal(url: string): Promise<void>
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventMap[E]): void
}

export interface Clock {
  now(): number
}

export interface Scheduler {
  /** Returns a function that cancels the timer. */
  setTimeout(callback: () => void, ms: number): () => void
}

export interface AppIdentity {
  name: string
  version: string
  platform: NodeJS.Platform
  arch: string
  versions: { electron?: string; chrome?: string; node: string }
  /**
   * The regional format numbers are written in (app.getSystemLocale(): on Windows the format
   * chosen in Region settings, which may differ from the display language); absent: English.
   */
  locale?: string
}

// The app's own updates: the port electron-updater sits behind (main/platform/updater.ts). It is
// defined in updates/ so the update service carries no Node types into the renderer's tests.
export type { UpdateReleaseNotes, UpdaterEvent, UpdaterPort } from './updates/updater-port'

export interface CoreAdapters {
  /** Where profiles.json, vault.json and history.json live (Electron's userData). */
  dataDir: string
  /** The dataset worker's script (the built app: out/main/dataset-worker.js); default: its source, run with tsx. */
  datasetWorker?: URL
  app: AppIdentity
  safeStorage: SafeStorageLike
  authWindow: AuthWindowPort
  externalBrowser: ExternalBrowserPort
  clipboard: ClipboardPort
  dialogs: DialogPort
  shell: ShellPort
  events: EventSink
  log: LogSink
  /** Where main's HTTP goes; without it every request goes DIRECT (tests, benchmarks). */
  proxy?: ProxyResolver
  clock?: Clock
  scheduler?: Scheduler
  /** Opens Zoom's event WebSocket; default: the ws package (main/events/ws-factory.ts). */
  eventSockets?: SocketFactory
  /** Zoom's event schemas; default: a cache folder in dataDir filled from Zoom's published files. */
  eventSchemas?: WebhookSchemaPort
  /** Zoom's OpenAPI files; default: Zoom's API hub over HTTP, copies kept in dataDir/api-files. */
  apiFiles?: ApiFileSource
  /** The app's own updates; without one (tests, development) Settings → Updates says why not. */
  updater?: UpdaterPort
}

export const systemClock: Clock = { now: () => Date.now() }
export const systemScheduler: Scheduler = {
  setTimeout(callback, ms) {
    const timer = setTimeout(callback, ms)
    timer.unref?.()
    return () => clearTimeout(timer)
  },
}
