// Token renewal swaps sockets: an event Zoom delivered on the old one must not be lost.
import { describe, expect, it } from 'vitest'
import { fakeSocketSetup as setup } from './fake-socket'

const frame = (event: string) => JSON.stringify({ module: 'message', content: JSON.stringify({ event, event_ts: 1, payload: {} }) })

describe('event socket renewal hand-over', () => {
  it('keeps an event that reached the old socket after the new one opened, before the old one closed', async () => {
    const { socket, sockets, flush, time, events } = setup()
    socket.start()
    await flush()
    sockets[0]!.handlers.open()
    time.advance(3600_000 - 6 * 60_000)
    await flush()
    expect(sockets).toHaveLength(2)
    sockets[1]!.handlers.open()
    // Frames Zoom sent on the old socket before it switched are still being read when it is closed.
    sockets[0]!.handlers.message(frame('meeting.started'))
    sockets[0]!.handlers.close(1000, 'client closing')
    sockets[1]!.handlers.message(frame('meeting.ended'))
    expect(events.map((e) => (e as { event: string }).event)).toEqual(['meeting.started', 'meeting.ended'])
    socket.stop()
  })
})
