// `--smoke-test`: the release workflow starts each packaged app with this switch and reads the
// exit code. Playwright cannot drive a packaged build (it attaches through --inspect, which the
// nodeCliInspectArguments fuse turns off), so the app checks itself: exit 0 once the main window
// has loaded, the preload's bridge is there and the UI has booted; non-zero on a failed load, a
// crashed renderer, a failed boot, or nothing within the time limit. The switch only ever makes
// the app quit sooner; it reads nothing and changes nothing.

export const SMOKE_TEST_SWITCH = '--smoke-test'
export const SMOKE_TEST_TIMEOUT_MS = 60_000

/** The part of Electron's WebContents the check uses. */
export interface SmokeTestContents {
  on(event: 'did-finish-load', listener: () => void): unknown
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown
  executeJavaScript(code: string): Promise<unknown>
}

export interface SmokeTestDeps {
  /** app.exit: ends the process with this code. */
  exit(code: number): void
  report(line: string): void
  setTimeout(callback: () => void, ms: number): unknown
}

export interface SmokeTest {
  /** Watches the main window's contents; call once, as soon as the window exists. */
  watch(contents: SmokeTestContents): void
}

export function smokeTestRequested(argv: readonly string[]): boolean {
  return argv.includes(SMOKE_TEST_SWITCH)
}

// Runs in the page: waits for the renderer's boot marker (<html data-app-state>) to settle.
export const WAIT_FOR_BOOT = `new Promise((resolve) => {
  const settled = () => {
    const state = document.documentElement.dataset.appState
    if (state !== 'ready' && state !== 'failed') return false
    resolve({ state, bridge: typeof globalThis.zoomConnect })
    return true
  }
  if (!settled()) new MutationObserver(settled).observe(document.documentElement, { attributes: true, attributeFilter: ['data-app-state'] })
})`

/** Starts the clock at once (a start-up that hangs before any window also fails). */
export function startSmokeTest(deps: SmokeTestDeps, timeoutMs = SMOKE_TEST_TIMEOUT_MS): SmokeTest {
  let finished = false
  const finish = (code: number, line: string) => {
    if (finished) return
    finished = true
    deps.report(`smoke test ${code === 0 ? 'passed' : 'failed'}: ${line}`)
    deps.exit(code)
  }
  deps.setTimeout(() => finish(1, `the window did not finish loading within ${timeoutMs / 1000} s`), timeoutMs)
  return {
    watch(contents) {
      contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
        if (isMainFrame) finish(1, `${url} did not load (${errorCode} ${errorDescription})`)
      })
      contents.on('render-process-gone', (_event, details) => finish(1, `the renderer process ended (${details.reason})`))
      contents.on('did-finish-load', () => {
        contents.executeJavaScript(WAIT_FOR_BOOT).then(
          (result) => {
            const { state, bridge } = (result ?? {}) as { state?: unknown; bridge?: unknown }
            if (bridge !== 'object') finish(1, 'the preload bridge is missing')
            else if (state !== 'ready') finish(1, 'the UI reported a failed start')
            else finish(0, 'the window loaded and the UI is ready')
          },
          (error: unknown) => finish(1, `the page could not be checked (${error instanceof Error ? error.message : String(error)})`),
        )
      })
    },
  }
}
