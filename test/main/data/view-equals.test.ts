// The events grid's type filter is an exact match: Zoom has event types whose names contain
// another's (meeting.participant_left and meeting.participant_left_breakout_room).
import { describe, expect, it } from 'vitest'
import { randomUUID } from 'node:crypto'
import { Dataset } from '../../../main/data/datasets/dataset'

const eventsResource = { id: 'events', idKeys: [], defaultColumns: [{ path: 'event', label: 'Event' }] }

async function computeView(rows: unknown[], spec: { shownColumns: string[]; filter: { equals?: Record<string, string>; columns?: Record<string, string> } }): Promise<number[]> {
  const dataset = new Dataset(randomUUID(), 'p', eventsResource, 0)
  await dataset.add(rows)
  return dataset.select({ filter: spec.filter })
}

const rows = [
  { event: 'meeting.participant_left' },
  { event: 'meeting.participant_left_breakout_room' },
  { event: 'meeting.participant_left_waiting_room' },
  { event: 'meeting.participant_left' },
]

describe('an equals filter', () => {
  it('keeps only the rows whose value is exactly the one asked for', async () => {
    const view = await computeView(rows, { shownColumns: ['event'], filter: { equals: { event: 'meeting.participant_left' } } })
    expect(Array.from(view ?? [])).toEqual([0, 3])
  })

  it('differs from the contains filter, which also keeps the longer names', async () => {
    const view = await computeView(rows, { shownColumns: ['event'], filter: { columns: { event: 'meeting.participant_left' } } })
    expect(Array.from(view ?? [])).toEqual([0, 1, 2, 3])
  })
})
