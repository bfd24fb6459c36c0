// renderer/ipc.ts call() with a signal: the call carries an id, and aborting the signal asks main to
// cancel that call (app.cancelCall with the same id); main's CANCELLED answer becomes the error.
import { afterEach, describe, expect, it } from 'vitest'
import type { Bridge } from '../../common/contract'
import { BridgeCallError, call, setBridge } from '../../renderer/ipc'
import { useStore } from '../../renderer/store'

afterEach(() => setBridge(undefined))

/**
 * A bridge whose calls answer only when cancelled, as main answers a slow request: data.detail
 * with a CANCELLED error, console.send with a response carrying it (the console records every outcome).
 */
function slowBridge() {
  const sent: { input: unknown; callId: string | undefined }[] = []
  const cancels: unknown[] = []
  const pending = new Map<string, () => void>()
  const slow = (reply: unknown) => (input: unknown, callId?: string) => {
    sent.push({ input, callId })
    return new Promise((resolve) => callId !== undefined && pending.set(callId, () => resolve(reply)))
  }
  const bridge = {
    'data.detail': slow({ ok: false, error: { code: 'CANCELLED', message: 'Cancelled.' } }),
    'console.send': slow({ ok: true, value: { status: 0, statusText: '', headers: [], durationMs: 1, body: '', bodyBytes: 0, truncated: false, error: { code: 'CANCELLED', message: 'Cancelled.' } } }),
    'console.history': async () => ({ ok: true, value: [] }),
    'app.cancelCall': async (input: { callId: string }) => {
      cancels.push(input)
      pending.get(input.callId)?.()
      return { ok: true, value: { cancelled: pending.delete(input.callId) } }
    },
  }
  setBridge(bridge as unknown as Bridge)
  return { sent, cancels }
}

const request = { profileId: 'p1', resource: 'user' as const, id: 'u1' }

describe('call() with a signal', () => {
  it('gives the call an id and cancels that id when the signal aborts', async () => {
    const { sent, cancels } = slowBridge()
    const controller = new AbortController()
    const reply = call('data.detail', request, { signal: controller.signal })
    expect(sent).toHaveLength(1)
    expect(sent[0]?.callId).toMatch(/^[A-Za-z0-9_-]{1,64}$/)
    controller.abort()
    await expect(reply).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(cancels).toEqual([{ callId: sent[0]?.callId }])
  })

  it('two calls get different ids; a call without a signal gets none', async () => {
    const { sent } = slowBridge()
    void call('data.detail', request, { signal: new AbortController().signal })
    void call('data.detail', request, { signal: new AbortController().signal })
    void call('data.detail', request)
    expect(sent[0]?.callId).not.toBe(sent[1]?.callId)
    expect(sent[2]?.callId).toBeUndefined()
  })

  it('an already aborted signal sends nothing', async () => {
    const { sent } = slowBridge()
    const controller = new AbortController()
    controller.abort()
    await expect(call('data.detail', request, { signal: controller.signal })).rejects.toBeInstanceOf(BridgeCallError)
    expect(sent).toHaveLength(0)
  })

  it('the console store cancels the connection’s request in flight', async () => {
    const { cancels } = slowBridge()
    const sending = useStore.getState().sendRequest('p1')
    expect(useStore.getState().sending.p1).toBe(true)
    useStore.getState().cancelRequest('p1')
    expect(await sending).toMatchObject({ status: 0, error: { code: 'CANCELLED' } })
    expect(useStore.getState().responses.p1?.error?.code).toBe('CANCELLED')
    expect(cancels).toHaveLength(1)
    expect(useStore.getState().sending.p1).toBe(false)
  })
})
