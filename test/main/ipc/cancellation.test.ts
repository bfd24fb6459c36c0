// Each IPC call gets an AbortSignal: the page cancels it by the id it gave the call
// (app.cancelCall), or the window goes away (webContents 'destroyed', a main-frame 'did-navigate').
// A page can only cancel its own window's calls; the sender check and the parsing stay in front.
import { EventEmitter } from 'node:events'
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../common/contract/names'
import { createAppHandlers } from '../../../main/ipc/handlers/app'
import { CallRegistry } from '../../../main/ipc/calls'
import { createRouter, type SenderInfo } from '../../../main/ipc/router'
import type { HandlerContext, Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { registerIpc } from '../../../main/platform/ipc-bridge'
import { FakeClipboard, FakeShell } from '../../fakes/simple-ports'
import { FakeBrowserWindowClass } from '../platform/electron-fakes'

const ORIGIN = 'app://zoom-connect'
const trusted: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const foreign: SenderInfo = { ...trusted, frameUrl: 'https://evil.example/' }

/** data.detail waits until its signal aborts, then lets the abort itself through (as got does). */
function setup() {
  const seen: (AbortSignal | undefined)[] = []
  const waitForAbort = (_input: unknown, context: HandlerContext) => {
    seen.push(context.signal)
    return new Promise((_resolve, reject) => {
      if (!context.signal) return reject(new Error('no signal given'))
      context.signal.addEventListener('abort', () => reject(new DOMException('This operation was aborted', 'AbortError')), { once: true })
    })
  }
  const app = createAppHandlers({
    app: { name: 'Zoom Connect (test)', version: '0.0.0', platform: 'linux', arch: 'x64', versions: { node: process.versions.node } },
    shell: new FakeShell(),
    clipboard: new FakeClipboard(),
    vaultStatus: () => ({ state: 'locked', protection: { kind: 'none', secure: false }, keychain: { available: false, secure: false } }),
    problems: () => [],
    dismissProblem: () => undefined,
  })
  const handlers = {
    ...Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => `handled ${name}`])),
    'app.cancelCall': app['app.cancelCall'],
    'data.detail': waitForAbort,
  } as unknown as Handlers
  const router = createRouter({ handlers, trustedOrigins: [ORIGIN], log: createLogger(memoryLogSink(), 'ipc') })
  return { router, registry: new CallRegistry(), seen }
}
const detail = { profileId: 'p1', resource: 'user', id: 'u1' }

describe('cancelling a call through the router', () => {
  it('the page cancels its call by id: the handler’s signal aborts and the reply is CANCELLED', async () => {
    const { router, registry, seen } = setup()
    const calls = registry.forWindow(1)
    const pending = router.invoke('data.detail', trusted, detail, { callId: 'call-1', calls })
    expect(registry.running(1)).toBe(1)
    expect(await router.invoke('app.cancelCall', trusted, { callId: 'call-1' }, { calls })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    expect(seen[0]?.aborted).toBe(true)
    expect(registry.running(1)).toBe(0)
    // Answered: the id names nothing any more.
    expect(await router.invoke('app.cancelCall', trusted, { callId: 'call-1' }, { calls })).toEqual({ ok: true, value: { cancelled: false } })
  })

  it('another window cannot cancel it, nor can an untrusted sender', async () => {
    const { router, registry, seen } = setup()
    const pending = router.invoke('data.detail', trusted, detail, { callId: 'call-1', calls: registry.forWindow(1) })
    expect(await router.invoke('app.cancelCall', trusted, { callId: 'call-1' }, { calls: registry.forWindow(2) })).toEqual({ ok: true, value: { cancelled: false } })
    expect(await router.invoke('app.cancelCall', foreign, { callId: 'call-1' }, { calls: registry.forWindow(1) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(seen[0]?.aborted).toBe(false)
    registry.abandon(1, 'the test ended')
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled: the test ended.' } })
  })

  it('a malformed call id is a VALIDATION error and runs nothing', async () => {
    const { router, registry } = setup()
    for (const callId of ['', 'x'.repeat(65), 'a b', 42, { id: 1 }]) {
      expect(await router.invoke('app.info', trusted, undefined, { callId, calls: registry.forWindow(1) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    }
    expect(await router.invoke('app.cancelCall', trusted, { callId: '../x' }, { calls: registry.forWindow(1) })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(registry.running(1)).toBe(0)
  })
})

/** A webContents as ipc-bridge uses it: an id, and the EventEmitter that emits 'destroyed' and 'did-navigate'. */
class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: `${ORIGIN}/index.html` }
  constructor(readonly id: number) {
    super()
  }
}

function bridge() {
  const { router, registry } = setup()
  // ipcMain.handle's handler gets the invoke event and every argument the page passed (ipc-main.md).
  const registered = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>()
  const ipc = { handle: (channel: string, handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>) => void registered.set(channel, handler) }
  const ourWindow = new FakeBrowserWindowClass({})
  const trust = { isOurWindow: (window: BrowserWindow | null) => window === ourWindow, fromWebContents: (): BrowserWindow | null => ourWindow }
  registerIpc(ipc as unknown as IpcMain, router, trust, registry)
  const invoke = (contents: FakeWebContents, channel: string, ...args: unknown[]) =>
    registered.get(channel)!({ sender: contents, senderFrame: contents.mainFrame } as unknown as IpcMainInvokeEvent, ...args)
  return { invoke, registry }
}

describe('cancelling a call across the bridge', () => {
  it('a call without an id is still aborted when its window is destroyed', async () => {
    const { invoke, registry } = bridge()
    const contents = new FakeWebContents(5)
    const pending = invoke(contents, 'data.detail', detail)
    expect(registry.running(5)).toBe(1)
    contents.emit('destroyed')
    expect(await pending).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled: the window closed.' } })
  })

  it('a main-frame navigation (a reload) aborts the old page’s calls, not another window’s', async () => {
    const { invoke } = bridge()
    const reloaded = new FakeWebContents(6)
    const other = new FakeWebContents(7)
    const mine = invoke(reloaded, 'data.detail', detail, 'd-1')
    const theirs = invoke(other, 'data.detail', detail, 'd-1')
    reloaded.emit('did-navigate')
    expect(await mine).toMatchObject({ ok: false, error: { code: 'CANCELLED' } })
    // The other window's call with the same id is untouched until its own page cancels it.
    expect(await invoke(other, 'app.cancelCall', { callId: 'd-1' })).toEqual({ ok: true, value: { cancelled: true } })
    expect(await theirs).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } })
  })

  it('listens to each window once, however many calls it makes', async () => {
    const { invoke } = bridge()
    const contents = new FakeWebContents(8)
    for (let i = 0; i < 3; i++) await invoke(contents, 'app.info', undefined)
    expect(contents.listenerCount('destroyed')).toBe(1)
    expect(contents.listenerCount('did-navigate')).toBe(1)
  })
})
