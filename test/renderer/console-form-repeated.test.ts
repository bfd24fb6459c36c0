// A query parameter given twice in the Query tab (an array such as Phone's
// call_history `directions`, sent as OpenAPI's default form style: directions=inbound&directions=outbound)
// and then set in the parameter form.
import { describe, expect, it } from 'vitest'
import { valueOf, withValue } from '../../renderer/features/console/operation-form'

describe('parameter form with a repeated query parameter', () => {
  it('setting the field leaves one row with the new value, not every row rewritten to it', () => {
    const rows = [
      { name: 'directions', value: 'inbound' },
      { name: 'page_size', value: '30' },
      { name: 'directions', value: 'outbound' },
    ]
    expect(valueOf(rows, 'directions')).toBe('inbound')
    const next = withValue(rows, 'directions', 'outbound')
    // Today: [{directions: outbound}, {page_size}, {directions: outbound}] — the parameter sent twice.
    expect(next.filter((row) => row.name === 'directions')).toEqual([{ name: 'directions', value: 'outbound' }])
    expect(next).toContainEqual({ name: 'page_size', value: '30' })
  })
})
