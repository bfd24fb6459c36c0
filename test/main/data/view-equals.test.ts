// The events grid's type filter is an exact match: Zoom has event types whose names contain
// another's (meeting.participant_left and meeting.participant_left_breakout_room).
import { describe, expect, it } from 'vitest'
import { computeView } from '../../../main/data/datasets/view'

const rows = [
  { event: 'meeting.participant_left' },
  { event: 'meeting.participant_left_breakout_room' },
  { event: 'meeting.participant_left_waiting_room' },
  { event: 'meeting.participant_left' },
]

describe('an equals filter', () => {
  it('keeps only the rows whose value is exactly the one asked for', () => {
    const view = computeView(rows, { shownColumns: ['event'], filter: { equals: { event: 'meeting.participant_left' } } })
    expect(Array.from(view ?? [])).toEqual([0, 3])
  })

  it('differs from the contains filter, which also keeps the longer names', () => {
    const view = computeView(rows, { shownColumns: ['event'], filter: { columns: { event: 'meeting.participant_left' } } })
    expect(Array.from(view ?? [])).toEqual([0, 1, 2, 3])
  })
})
