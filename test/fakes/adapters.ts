// CoreAdapters built from the fakes, for tests of main's services in plain Node.
//
//   const { adapters, fakes } = createFakeAdapters({ dataDir, script: { credentials: sandbox.login } })
//   fakes.authWindow.script.decision = 'decline'; fakes.time.advance(60_000); fakes.logs.records …
import { memoryLogSink } from '../../main/log/logger'
import type { CoreAdapters } from '../../main/ports'
import { FakeSafeStorage } from './fake-safe-storage'
import { FolderApiFiles } from './folder-api-files'
import { ZOOM_OPENAPI_DIR } from '../support/zoom-openapi'
import type { ConsentScript } from './http-browser'
import { ManualTime } from './manual-time'
import { RecordingEvents } from './recording-events'
import { SandboxAuthWindow } from './sandbox-auth-window'
import { SandboxExternalBrowser } from './sandbox-external-browser'
import { FakeClipboard, FakeDialogs, FakeShell } from './simple-ports'

export interface FakeAdapterOptions {
  dataDir: string
  /** How the fake sign-in pages are answered (credentials, Allow/Decline). */
  script?: ConsentScript
  /** Share one keychain between "restarts" of the app. */
  safeStorage?: FakeSafeStorage
  /** Share time between "restarts"; default a ManualTime. Pass `real: true` for Date.now and real timers. */
  time?: ManualTime
  real?: boolean
  /** The machine's regional format main is told (app.getSystemLocale()); default none (English). */
  locale?: string
}

export function createFakeAdapters(options: FakeAdapterOptions) {
  const fakes = {
    safeStorage: options.safeStorage ?? new FakeSafeStorage(),
    authWindow: new SandboxAuthWindow(options.script ?? {}),
    externalBrowser: new SandboxExternalBrowser(options.script ?? {}),
    clipboard: new FakeClipboard(),
    dialogs: new FakeDialogs(),
    shell: new FakeShell(),
    events: new RecordingEvents(),
    logs: memoryLogSink(),
    time: options.time ?? new ManualTime(),
    // Zoom's OpenAPI files from the shared copies (absent: every fetch fails, as offline).
    apiFiles: new FolderApiFiles(ZOOM_OPENAPI_DIR),
  }
  const adapters: CoreAdapters = {
    dataDir: options.dataDir,
    app: { name: 'Zoom Connect (test)', version: '0.0.0-test', platform: 'linux', arch: process.arch, versions: { node: process.versions.node }, ...(options.locale ? { locale: options.locale } : {}) },
    safeStorage: fakes.safeStorage,
    authWindow: fakes.authWindow,
    externalBrowser: fakes.externalBrowser,
    clipboard: fakes.clipboard,
    dialogs: fakes.dialogs,
    shell: fakes.shell,
    events: fakes.events,
    log: fakes.logs,
    apiFiles: fakes.apiFiles,
    ...(options.real ? {} : { clock: fakes.time, scheduler: fakes.time }),
  }
  return { adapters, fakes }
}
