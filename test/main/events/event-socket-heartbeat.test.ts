// Heartbeats: a socket whose heartbeats Zoom stopped answering is dead, not open.
import { describe, expect, it } from 'vitest'
import { fakeSocketSetup as setup } from './fake-socket'

describe('event socket heartbeat replies', () => {
  it('reconnects when Zoom, which answered heartbeats, stops answering them (a half-open socket)', async () => {
    const { socket, sockets, flush, time } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(30_000)
    expect(sockets[0]!.sent).toEqual(['{"module":"heartbeat"}'])
    sockets[0]!.handlers.message('{"module":"heartbeat","success":true}')
    // The network goes away without a close (sleep, NAT timeout): no reply, no close, for 10 minutes.
    time.advance(10 * 60_000)
    await flush()
    expect(sockets[0]!.sent.length).toBeGreaterThan(2)
    expect(socket.status().state).not.toBe('open')
    expect(sockets.length).toBeGreaterThan(1)
    socket.stop()
  })

  it('keeps a socket whose server never answers heartbeats (Zoom documents no reply)', async () => {
    const { socket, sockets, flush, time } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(10 * 60_000)
    expect(socket.status().state).toBe('open')
    socket.stop()
  })
})
