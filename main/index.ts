// Composition root (DESIGN.md "main/index.ts"): Electron adapters in, core out, IPC registered,
// the main window created. Everything else lives in createCore and is tested without Electron.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import * as tls from 'node:tls'
import { pathToFileURL } from 'node:url'
import electronUpdater from 'electron-updater'
import { app, BrowserWindow, clipboard, dialog, ipcMain, Menu, nativeTheme, protocol, safeStorage, screen, session, shell } from 'electron'
import { isAppError } from '../common/errors'
import { createCore } from './core'
import { readyForCrawls } from './data/ready-for-crawls'
import { installAppMenu } from './platform/app-menu'
import { APP_ENTRY_URL, APP_ORIGIN, handleAppScheme, registerAppScheme } from './platform/app-protocol'
import { createAuthWindowPort } from './platform/auth-window'
import { clipboardPort, dialogPort, fileLogSink, proxyResolverPort, shellPort } from './platform/electron-adapters'
import { registerIpc, windowEventSink } from './platform/ipc-bridge'
import { createMainWindow } from './platform/main-window'
import { browserUnlessQuitting, quitAfterDispose, runsFromAppImage } from './platform/quit-after-dispose'
import { smokeTestRequested, startSmokeTest } from './platform/smoke-test'
import { createElectronUpdater, developerSignedFromCodesign } from './platform/updater'
import { createWindowStateStore } from './platform/window-state'
import { denyAllPermissions, hardenWebContents, refusePageDownloads, WEBRTC_IP_HANDLING_POLICY } from './platform/window-security'
import { originOf } from './ipc/router'
import { createLogger } from './log/logger'
import { trustSystemCertificates } from './net/system-ca'
import { systemClock, systemScheduler } from './ports'
import { expectBufferTransfers } from './threads/buffer-transfers'
import { runCollectorHelpersInBackground } from './threads/thread-priority'
import { keepBufferCollectionCheap } from './young-generation'

keepBufferCollectionCheap()
runCollectorHelpersInBackground()
// Before anything is compiled on the assumption it ends (see buffer-transfers.ts).
expectBufferTransfers()
app.enableSandbox()
// Main's got requests verify servers against the OS trust store too, as the connect window's Chromium does.
trustSystemCertificates(tls)
registerAppScheme(protocol)
// The release workflow's check of a packaged build (see platform/smoke-test.ts).
// eslint-disable-next-line no-console
const smokeTest = smokeTestRequested(process.argv) ? startSmokeTest({ exit: (code) => app.exit(code), report: (line) => console.log(line), setTimeout }) : undefined
// Chromium's own switch for the WebRTC IP policy, before any renderer starts; every webContents
// also gets it (hardenWebContents), so neither path alone is relied on.
app.commandLine.appendSwitch('force-webrtc-ip-handling-policy', WEBRTC_IP_HANDLING_POLICY)

const ourWindows = new Set<BrowserWindow>()
const mainWindow = () => [...ourWindows][0]
// Every window, the connect window included: all of them hide while a quit waits for the core.
const quitting = quitAfterDispose(app, () => BrowserWindow.getAllWindows(), { canRelaunch: !runsFromAppImage(process.platform, app.isPackaged, process.env) })

if (!app.requestSingleInstanceLock()) {
  // One writer for the store files: a second instance hands over to the first and quits.
  app.quit()
} else {
  app.on('second-instance', () => {
    if (quitting.secondInstanceWhileQuitting()) return
    const window = mainWindow()
    if (window) {
      if (window.isMinimized()) window.restore()
      window.focus()
    }
  })
  // Every webContents, ours, the connect window's and its pop-ups': no webviews, WebRTC only through the proxy.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
  app.on('window-all-closed', () => app.quit())
  void app.whenReady().then(start).catch((error: unknown) => {
    // A store file written by a newer version, or one the OS will not let us read: say so and
    // stop, rather than start empty and overwrite it.
    const message = isAppError(error) ? error.message : 'Zoom Connect could not start.'
    dialog.showErrorBox('Zoom Connect could not start', message)
    app.exit(1)
  })
}

async function start(): Promise<void> {
  const devServer = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const rendererRoot = join(import.meta.dirname, '../renderer')
  handleAppScheme(protocol, rendererRoot)
  denyAllPermissions(session.defaultSession)
  refusePageDownloads(session.defaultSession)

  const userData = app.getPath('userData')
  const shellAdapter = shellPort(shell)
  const logSink = fileLogSink(userData)
  // Packaged builds: no DevTools in any window, and a menu without them (Electron's default has them).
  const devTools = !app.isPackaged
  installAppMenu(Menu, { appName: app.getName(), platform: process.platform, isPackaged: app.isPackaged, openExternal: (url) => shellAdapter.openExternal(url) })
  const core = await createCore(
    {
      dataDir: userData,
      // Built by electron-vite as its own entry beside this file (electron.vite.config.ts).
      datasetWorker: pathToFileURL(join(import.meta.dirname, 'dataset-worker.js')),
      app: { name: app.getName(), version: app.getVersion(), platform: process.platform, arch: process.arch, versions: { electron: process.versions.electron, chrome: process.versions.chrome, node: process.versions.node }, locale: app.getSystemLocale() },
      safeStorage,
      authWindow: createAuthWindowPort({ BrowserWindow, sessionFromPartition: (partition) => session.fromPartition(partition), parent: mainWindow, devTools, mayOpen: () => !quitting.isQuitting() }),
      externalBrowser: browserUnlessQuitting({ open: (url) => shellAdapter.openExternal(url) }, quitting),
      clipboard: clipboardPort(clipboard),
      dialogs: dialogPort(dialog, mainWindow),
      shell: shellAdapter,
      events: windowEventSink(() => [...ourWindows]),
      log: logSink,
      proxy: proxyResolverPort(session.defaultSession),
      clock: systemClock,
      scheduler: systemScheduler,
      updater: createElectronUpdater(() => electronUpdater.autoUpdater, {
        isPackaged: app.isPackaged,
        platform: process.platform,
        resourcesPath: process.resourcesPath,
        env: process.env,
        log: createLogger(logSink, 'updater'),
        // <bundle>.app/Contents/MacOS/<name> → <bundle>.app; codesign writes its details to stderr.
        macDeveloperSigned: () => {
          const result = spawnSync('/usr/bin/codesign', ['-dv', resolve(process.execPath, '../../..')], { encoding: 'utf8', timeout: 5000 })
          return result.status === 0 || result.stderr ? developerSignedFromCodesign(result.stderr ?? '') : undefined
        },
      }),
    },
    { trustedOrigins: [APP_ORIGIN, ...(devServer ? [originOf(devServer) ?? devServer] : [])] },
  )
  // npm run demo: profiles for the local sandbox. Never in a packaged app.
  if (!app.isPackaged && process.env.ZOOM_CONNECT_DEMO) await core.seedDemo(JSON.parse(process.env.ZOOM_CONNECT_DEMO))
  registerIpc(ipcMain, core.router, { isOurWindow: (window) => window !== null && ourWindows.has(window), fromWebContents: (contents) => BrowserWindow.fromWebContents(contents) })

  const windowState = createWindowStateStore(screen)
  const window = createMainWindow(
    { BrowserWindow, openExternal: (url) => shellAdapter.openExternal(url) },
    {
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      entryUrl: devServer ?? APP_ENTRY_URL,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#16181d' : '#ffffff',
      bounds: windowState.initialBounds(),
      maximized: windowState.wasMaximized(),
      devTools,
      mayShow: () => !quitting.isQuitting(),
    },
  )
  // Ready for a first crawl once the window has loaded (readyForCrawls): the datasets' thread
  // started (unless reading kept datasets at start-up has started it already), the envelope scan
  // compiled. Should it fail, the first dataset starts the thread again.
  window.webContents.once('did-finish-load', () => void readyForCrawls(core.data.datasets).catch(() => undefined))
  smokeTest?.watch(window.webContents)
  windowState.track(window)
  ourWindows.add(window)
  window.on('closed', () => ourWindows.delete(window))

  // Quit only after the core has finished: a rotated refresh token being written must land.
  const held = quitting.holdQuitFor(() => core.dispose())
  // Windows shutdown, restart or log-off: Electron emits no before-quit, will-quit or quit then
  // (app.md, "Event: 'before-quit'"), so hold the session end (browser-window.md,
  // "Event: 'query-session-end'") until the core has finished, then quit.
  window.on('query-session-end', (event) => held.onSessionEnd(event))
}
