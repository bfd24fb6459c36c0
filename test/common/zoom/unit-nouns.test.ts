// How a crawl's progress names its units: the parent list's last literal segment, made readable,
// and its singular for counts of one ("1 call queue failed").
import { describe, expect, it } from 'vitest'
import { nounOf, singularOf } from '../../../common/zoom/browse/fan-out'

describe('unit nouns', () => {
  it('reads the plural from the parent list path', () => {
    expect(nounOf('/phone/call_queues')).toBe('call queues')
    expect(nounOf('/rooms')).toBe('rooms')
    expect(nounOf('/zoom_events/events/{eventId}/sessions')).toBe('sessions')
  })

  it('makes the singular of the plural forms Zoom paths use', () => {
    expect(singularOf('call queues')).toBe('call queue')
    expect(singularOf('users')).toBe('user')
    expect(singularOf('entries')).toBe('entry')
    expect(singularOf('addresses')).toBe('address')
    expect(singularOf('switches')).toBe('switch')
    expect(singularOf('boxes')).toBe('box')
  })
})
