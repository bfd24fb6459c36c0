// The packaged app's `--smoke-test` check: the exit code the release workflow reads.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smokeTestRequested, startSmokeTest, WAIT_FOR_BOOT, type SmokeTestContents } from '../../../main/platform/smoke-test'
import { chromiumMissingReason, launchChromium } from '../../support/chromium'

/** Records listeners and answers executeJavaScript as the page would. */
class FakeContents implements SmokeTestContents {
  private readonly listeners = new Map<string, ((...args: never[]) => void)[]>()
  constructor(private readonly page: () => Promise<unknown>) {}
  on(event: string, listener: (...args: never[]) => void) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener])
    return this
  }
  fire(event: string, ...args: unknown[]) {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...a: unknown[]) => void)(...args)
  }
  executeJavaScript(code: string) {
    expect(code).toBe(WAIT_FOR_BOOT)
    return this.page()
  }
}

function harness(page: () => Promise<unknown>) {
  const exits: number[] = []
  const lines: string[] = []
  const timers: (() => void)[] = []
  const smoke = startSmokeTest({ exit: (code) => exits.push(code), report: (line) => lines.push(line), setTimeout: (callback) => timers.push(callback) })
  const contents = new FakeContents(page)
  smoke.watch(contents)
  return { exits, lines, contents, timeout: () => timers.forEach((timer) => timer()) }
}

const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('--smoke-test', () => {
  it('is requested only by the exact switch', () => {
    expect(smokeTestRequested(['/app/zoom-connect', '--smoke-test'])).toBe(true)
    expect(smokeTestRequested(['/app/zoom-connect'])).toBe(false)
    expect(smokeTestRequested(['/app/zoom-connect', '--smoke-test-later'])).toBe(false)
  })

  it('exits 0 once the window loaded with the bridge and the UI is ready', async () => {
    const run = harness(async () => ({ state: 'ready', bridge: 'object' }))
    run.contents.fire('did-finish-load')
    await settle()
    expect(run.exits).toEqual([0])
    run.timeout()
    expect(run.exits).toEqual([0])
  })

  it.each([
    ['the bridge is missing', { state: 'ready', bridge: 'undefined' }],
    ['the UI failed to start', { state: 'failed', bridge: 'object' }],
  ])('exits non-zero when %s', async (_case, answer) => {
    const run = harness(async () => answer)
    run.contents.fire('did-finish-load')
    await settle()
    expect(run.exits).toEqual([1])
  })

  it('exits non-zero when the main frame fails to load, but not for a subframe', () => {
    const run = harness(async () => ({ state: 'ready', bridge: 'object' }))
    run.contents.fire('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://zoom-connect/frame.html', false)
    expect(run.exits).toEqual([])
    run.contents.fire('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://zoom-connect/index.html', true)
    expect(run.exits).toEqual([1])
    expect(run.lines[0]).toContain('ERR_FILE_NOT_FOUND')
  })

  it('exits non-zero when the renderer crashes or nothing happens in time', () => {
    const crashed = harness(() => new Promise(() => {}))
    crashed.contents.fire('render-process-gone', {}, { reason: 'crashed' })
    expect(crashed.exits).toEqual([1])
    const silent = harness(() => new Promise(() => {}))
    silent.contents.fire('did-finish-load')
    silent.timeout()
    expect(silent.exits).toEqual([1])
    expect(silent.lines[0]).toMatch(/did not finish loading/)
  })

  it('exits non-zero when the page cannot be checked', async () => {
    const run = harness(() => Promise.reject(new Error('Script failed to execute')))
    run.contents.fire('did-finish-load')
    await settle()
    expect(run.exits).toEqual([1])
  })
})

// The page-side script, in a real browser: it must wait for the boot marker, not read it once.
describe.skipIf(chromiumMissingReason !== undefined)(`the in-page boot wait${chromiumMissingReason ? ` — skipped: ${chromiumMissingReason}` : ''}`, () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('resolves when data-app-state becomes ready, with the bridge’s type', async () => {
    const page = await browser.newPage()
    await page.setContent('<html data-app-state="loading"><body></body></html>')
    const answer = page.evaluate(WAIT_FOR_BOOT)
    await page.evaluate("globalThis.zoomConnect = {}; document.documentElement.dataset.appState = 'ready'")
    expect(await answer).toEqual({ state: 'ready', bridge: 'object' })
    await page.close()
  })
})
