// registerIpc wires every contract channel to the router with what Electron says about the
// sender; windowEventSink pushes events to live windows only. Fakes stand in for Electron.
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../common/contract/names'
import { createRouter } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { registerIpc, senderInfo, windowEventSink } from '../../../main/platform/ipc-bridge'
import type { BrowserWindow } from 'electron'
import type { VaultStatus } from '../../../common/contract'
import { electronInvokeEvent, electronWindows, FakeBrowserWindowClass, FakeIpcMain, ownerOf, type FakeEventWindow } from './electron-fakes'

const LOCKED: VaultStatus = { state: 'locked', protection: { kind: 'passphrase', secure: true }, keychain: { available: true, backend: 'gnome_libsecret', secure: true } }

const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => `handled ${name}`])) as unknown as Handlers
const router = createRouter({ handlers, trustedOrigins: ['app://zoom-connect'], log: createLogger(memoryLogSink(), 'ipc') })

const ourWindow = new FakeBrowserWindowClass({})
const otherWindow = new FakeBrowserWindowClass({})
const mainFrame = { url: 'app://zoom-connect/index.html' }
const event = (frame: { url: string } | null, owner: BrowserWindow | null = ourWindow) => electronInvokeEvent({ senderFrame: frame, sender: { mainFrame, owner } })
const trust = { isOurWindow: (window: BrowserWindow | null) => window === ourWindow, fromWebContents: ownerOf }

describe('IPC registration', () => {
  it('registers exactly the contract channels', () => {
    const ipc = new FakeIpcMain()
    registerIpc(ipc.asIpcMain(), router, trust)
    expect([...ipc.registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('passes a call from our main frame and refuses subframes, foreign windows and a missing frame', async () => {
    const ipc = new FakeIpcMain()
    registerIpc(ipc.asIpcMain(), router, trust)
    const handle = ipc.registered.get('app.info')!
    expect(await handle(event(mainFrame), undefined)).toEqual({ ok: true, value: 'handled app.info' })
    expect(await handle(event({ url: 'app://zoom-connect/index.html' }), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(await handle(event(mainFrame, otherWindow), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(await handle(event(null), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  })

  it('describes a destroyed frame as untrusted', () => {
    expect(senderInfo(event(null), trust.isOurWindow, trust.fromWebContents)).toEqual({ frameUrl: '', isMainFrame: false, isOurWindow: true })
  })

  it('sends events to live windows only, on the event channel', () => {
    const sent: [number, string, unknown][] = []
    const window = (id: number, destroyed: boolean): FakeEventWindow => ({ isDestroyed: () => destroyed, webContents: { send: (channel: string, payload: unknown) => sent.push([id, channel, payload]), isDestroyed: () => destroyed } })
    windowEventSink(() => electronWindows([window(1, false), window(2, true)])).emit('vault.status', LOCKED)
    expect(sent).toEqual([[1, 'event:vault.status', LOCKED]])
  })

  it('skips a window whose page is already destroyed while the window itself is not yet', () => {
    // Electron's WebContents::WebContentsDestroyed marks the page destroyed and emits 'destroyed'
    // before BrowserWindow::WebContentsDestroyed (observed later) closes the window.
    const sent: unknown[] = []
    const closing: FakeEventWindow = {
      isDestroyed: () => false,
      webContents: {
        isDestroyed: () => true,
        send: () => {
          throw new TypeError('Object has been destroyed')
        },
      },
    }
    const live: FakeEventWindow = { isDestroyed: () => false, webContents: { isDestroyed: () => false, send: (_channel, payload) => sent.push(payload) } }
    expect(() => windowEventSink(() => electronWindows([closing, live])).emit('vault.status', LOCKED)).not.toThrow()
    expect(sent).toEqual([LOCKED])
  })
})
