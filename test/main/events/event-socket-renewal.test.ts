// The event socket's token renewal: a renewal that keeps failing backs off.
import { describe, expect, it } from 'vitest'
import { fakeSocketSetup as setup } from './fake-socket'
import { AppError } from '../../../common/errors'

describe('event socket token renewal failures', () => {
  it('retries a failing renewal with a growing backoff, not every second', async () => {
    const { socket, sockets, flush, time, tokenCalls } = setup({
      tokens: (n) => (n === 1 ? Promise.resolve({ accessToken: 'tok1', expiresAt: Date.UTC(2026, 0, 15, 13, 0, 0) }) : Promise.reject(new AppError('AUTH_TOKEN_ENDPOINT', 'Zoom’s token endpoint answered 503'))),
    })
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    // The renewal is due 6 minutes before expiry; then the token endpoint fails for a minute.
    time.advance(3600_000 - 6 * 60_000)
    await flush()
    expect(tokenCalls()).toBe(2)
    for (let s = 0; s < 60; s++) {
      time.advance(1_000)
      await flush()
    }
    // 1 s, 2 s, 4 s, 8 s, 16 s, 32 s: at most 6 more attempts in a minute, not one a second.
    expect(tokenCalls() - 2).toBeLessThanOrEqual(6)
    expect(socket.status().state).toBe('open')
    socket.stop()
  })
})
