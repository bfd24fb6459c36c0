// The event socket's backoff: a socket Zoom accepts and closes at once must not reset the backoff.
import { describe, expect, it } from 'vitest'
import { fakeSocketSetup as setup } from './fake-socket'

describe('event socket backoff across short-lived connections', () => {
  it('a connection Zoom accepts and closes at once for its token is not reopened in a tight loop', async () => {
    const { socket, sockets, flush, tokenCalls } = setup()
    socket.start()
    await flush()
    // Zoom accepts every upgrade, then closes it at once naming the token; no time passes.
    for (let i = 0; i < 30 && sockets.length > i; i++) {
      sockets[i]!.handlers.open()
      sockets[i]!.handlers.close(4401, 'access token expired')
      await flush()
    }
    // One forced renewal and one new attempt, then it waits (a backoff timer), not 30 sockets and 30 tokens.
    expect(sockets.length).toBeLessThanOrEqual(3)
    expect(tokenCalls()).toBeLessThanOrEqual(3)
    socket.stop()
  })

  it('a connection that keeps opening and dropping waits longer each time (1 s, 2 s, 4 s …)', async () => {
    const { socket, sockets, flush, time } = setup()
    socket.start()
    await flush()
    const waits: number[] = []
    for (let i = 0; i < 6; i++) {
      sockets.at(-1)!.handlers.open()
      sockets.at(-1)!.handlers.close(1006, '')
      const retryAt = socket.status().retryAt as number
      waits.push(retryAt - time.now())
      time.advance(retryAt - time.now())
      await flush()
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000])
    socket.stop()
  })
})
