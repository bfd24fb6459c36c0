// What crosses a sandboxed preload's bridge, on real Chromium, as Electron 41 passes it: values
// are copied by contextBridge (shell/renderer/api/electron_api_context_bridge.cc; the table in
// docs/api/context-bridge.md), serialized by V8 for IPC in both directions (shell/common/v8_util.cc),
// and a handler's failure reaches the page as text (lib/browser/ipc-dispatch.ts,
// lib/renderer/api/ipc-renderer.ts). Before the stand-in copied them, a page held the preload's own
// objects: an Error kept its class and `code`, a class instance its prototype, a function or a Blob
// in an invoke argument arrived as `{}`, and a reply holding a function failed with Playwright's text.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Standin, StandinBrowserWindow } from '../electron-standin/runtime'
import { chromiumMissingReason } from '../support/chromium'
import { closeBrowser } from './harness'
import { readyStandin, startSite, type Site } from './standin-fixture'

// A preload as an app writes one: the API object holds functions and values; `typed` throws an
// Error carrying a code, `echo` returns what it was given, `invoke` passes anything to main.
const PRELOAD = `const { contextBridge, ipcRenderer } = require('electron');
class Status { constructor() { this.state = 'ok' } get label() { return 'Status: ' + this.state } }
contextBridge.exposeInMainWorld('api', {
  version: 1,
  nested: { list: [1, 2] },
  typed: () => { const error = new TypeError('bad input'); error.code = 'E_BAD'; throw error },
  rejects: () => Promise.reject(Object.assign(new RangeError('too far'), { code: 'E_FAR' })),
  status: () => new Status(),
  echo: (value) => value,
  callBack: (fn) => fn('from the preload'),
  invoke: (channel, value) => ipcRenderer.invoke(channel, value),
});`

describe.skipIf(chromiumMissingReason !== undefined)('Electron stand-in: what crosses the preload bridge', () => {
  let site: Site
  let standin: Standin
  let window: StandinBrowserWindow
  let page: Page
  const received: unknown[] = []
  beforeAll(async () => {
    site = await startSite()
    standin = await readyStandin()
    standin.electron.app.on('window-all-closed', () => {})
    const { ipcMain } = standin.electron
    ipcMain.handle('keep', (_event, value) => void received.push(value))
    ipcMain.handle('fails', () => {
      throw Object.assign(new Error('handler broke'), { code: 'E_HANDLER' })
    })
    ipcMain.handle('returns-function', () => ({ ok: true, later: () => 1 }))
    ipcMain.handle('returns-buffer', () => ({ bytes: Buffer.from('hi') }))
    ipcMain.handle('returns-class', () => new (class Reply {
      kind = 'reply'
      get computed() {
        return 'lost'
      }
    })())
    const dir = mkdtempSync(join(tmpdir(), 'standin-bridge-'))
    writeFileSync(join(dir, 'preload.cjs'), PRELOAD)
    window = new standin.electron.BrowserWindow({ show: false, webPreferences: { preload: join(dir, 'preload.cjs'), sandbox: true, contextIsolation: true } })
    await window.loadURL(`${site.url}/start`)
    page = await standin.pageOf(window)
  })
  afterAll(async () => {
    window?.destroy()
    await standin?.quit()
    await site?.close()
    await closeBrowser()
  })

  /** Runs `code` in the page (the main world) and returns its result or the error's name, message and code. */
  const inPage = (code: string) =>
    page.evaluate(`(async () => { try { return { value: await (${code}) } } catch (e) { return { error: { name: e.name, message: e.message, code: e.code, isTypeError: e instanceof TypeError } } } })()`)

  it('copies the API and deep-freezes it on window, read-only', async () => {
    expect(await inPage(`[Object.isFrozen(api), Object.isFrozen(api.nested), Object.isFrozen(api.nested.list), Object.getOwnPropertyDescriptor(window, 'api').writable]`)).toEqual({ value: [true, true, true, false] })
  })

  it('gives the page an Error with the message only: no class, no code, from a throw and from a rejection', async () => {
    expect(await inPage('api.typed()')).toEqual({ error: { name: 'Error', message: 'bad input', isTypeError: false } })
    expect(await inPage('api.rejects()')).toEqual({ error: { name: 'Error', message: 'too far', isTypeError: false } })
  })

  it('copies class instances as plain objects of their own properties, both ways', async () => {
    expect(await inPage(`(() => { const s = api.status(); return [s.state, s.label, Object.getPrototypeOf(s) === Object.prototype] })()`)).toEqual({ value: ['ok', undefined, true] })
    expect(await inPage(`(() => { class Mine { constructor() { this.a = 1 } get b() { return 2 } }; const mine = new Mine(); const back = api.echo(mine); return [back === mine, back instanceof Mine, back.a, back.b] })()`)).toEqual({
      value: [false, false, 1, undefined],
    })
    // Structured-cloneable values come through as such; a function given to the preload is called through a proxy.
    expect(await inPage(`(() => { const d = api.echo(new Date(0)); return [d instanceof Date, d.getTime()] })()`)).toEqual({ value: [true, 0] })
    expect(await inPage(`api.callBack((text) => text.toUpperCase())`)).toEqual({ value: 'FROM THE PRELOAD' })
  })

  it('refuses, as V8’s serializer does, an invoke argument that cannot be cloned: a function, a Blob', async () => {
    expect(await inPage(`api.invoke('keep', { onDone: () => 1 })`)).toEqual({ error: { name: 'Error', message: 'An object could not be cloned.', isTypeError: false } })
    expect(await inPage(`api.invoke('keep', new Blob(['x']))`)).toEqual({ error: { name: 'Error', message: 'An object could not be cloned.', isTypeError: false } })
    expect(received).toEqual([])
    expect(await inPage(`api.invoke('keep', { when: new Date(0), list: [1, 'two', null], bytes: new Uint8Array([1, 2]) })`)).toEqual({ value: undefined })
    expect(received).toEqual([{ when: new Date(0), list: [1, 'two', null], bytes: new Uint8Array([1, 2]) }])
  })

  it('gives the page a handler’s failure as text, and fails a reply that cannot be cloned the same way', async () => {
    expect(await inPage(`api.invoke('fails')`)).toEqual({ error: { name: 'Error', message: "Error invoking remote method 'fails': Error: handler broke", isTypeError: false } })
    expect(await inPage(`api.invoke('returns-function')`)).toEqual({
      error: { name: 'Error', message: "Error invoking remote method 'returns-function': Error: An object could not be cloned.", isTypeError: false },
    })
    // A Buffer arrives as a Uint8Array; a class instance as its own enumerable properties.
    expect(await inPage(`api.invoke('returns-buffer').then((r) => [Object.prototype.toString.call(r.bytes), Array.from(r.bytes)])`)).toEqual({ value: ['[object Uint8Array]', [104, 105]] })
    expect(await inPage(`api.invoke('returns-class')`)).toEqual({ value: { kind: 'reply' } })
  })

  it('exposes nothing without context isolation: contextBridge refuses to run', async () => {
    // lib/renderer/api/context-bridge.ts: "contextBridge API can only be used when contextIsolation is enabled".
    const dir = mkdtempSync(join(tmpdir(), 'standin-bridge-'))
    writeFileSync(join(dir, 'preload.cjs'), PRELOAD)
    const open = new standin.electron.BrowserWindow({ show: false, webPreferences: { preload: join(dir, 'preload.cjs'), sandbox: true, contextIsolation: false } })
    const errors: string[] = []
    const openPage = await standin.pageOf(open)
    openPage.on('pageerror', (error) => errors.push(error.message))
    await open.loadURL(`${site.url}/start`)
    expect(await openPage.evaluate(() => 'api' in globalThis)).toBe(false)
    expect(errors).toContain('contextBridge API can only be used when contextIsolation is enabled')
    open.destroy()
  })

  it('webContents.send refuses what cannot be cloned with Electron’s message', () => {
    expect(() => window.webContents.send('news', { later: () => 1 })).toThrow('An object could not be cloned.')
  })
})
