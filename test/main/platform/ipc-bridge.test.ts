// registerIpc wires every contract channel to the router with what Electron says about the
// sender; windowEventSink pushes events to live windows only. Fakes stand in for Electron.
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES } from '../../../common/contract/names'
import { createRouter } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { registerIpc, senderInfo, windowEventSink } from '../../../main/platform/ipc-bridge'

const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, () => `handled ${name}`])) as unknown as Handlers
const router = createRouter({ handlers, trustedOrigins: ['app://zoom-connect'], log: createLogger(memoryLogSink(), 'ipc') })

function fakeIpcMain() {
  const registered = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>()
  return { registered, handle: (channel: string, handler: (event: unknown, input: unknown) => Promise<unknown>) => void registered.set(channel, handler) }
}

const ourWindow = { id: 1 }
const mainFrame = { url: 'app://zoom-connect/index.html' }
const event = (frame: { url: string } | null, owner: object | null = ourWindow) => ({ senderFrame: frame, sender: { mainFrame, owner } })
const trust = { isOurWindow: (window: unknown) => window === ourWindow, fromWebContents: (contents: unknown) => (contents as { owner: never }).owner }

describe('IPC registration', () => {
  it('registers exactly the contract channels', () => {
    const ipc = fakeIpcMain()
    registerIpc(ipc as never, router, trust as never)
    expect([...ipc.registered.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('passes a call from our main frame and refuses subframes, foreign windows and a missing frame', async () => {
    const ipc = fakeIpcMain()
    registerIpc(ipc as never, router, trust as never)
    const handle = ipc.registered.get('app.info')!
    expect(await handle(event(mainFrame), undefined)).toEqual({ ok: true, value: 'handled app.info' })
    expect(await handle(event({ url: 'app://zoom-connect/index.html' }), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(await handle(event(mainFrame, { id: 2 }), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
    expect(await handle(event(null), undefined)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } })
  })

  it('describes a destroyed frame as untrusted', () => {
    expect(senderInfo(event(null) as never, trust.isOurWindow as never, trust.fromWebContents as never)).toEqual({ frameUrl: '', isMainFrame: false, isOurWindow: true })
  })

  it('sends events to live windows only, on the event channel', () => {
    const sent: [number, string, unknown][] = []
    const window = (id: number, destroyed: boolean) => ({ isDestroyed: () => destroyed, webContents: { send: (channel: string, payload: unknown) => sent.push([id, channel, payload]) } })
    windowEventSink(() => [window(1, false), window(2, true)] as never).emit('vault.status', { state: 'locked' } as never)
    expect(sent).toEqual([[1, 'event:vault.status', { state: 'locked' }]])
  })
})
