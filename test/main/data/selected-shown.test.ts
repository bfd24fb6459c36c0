// How many selected rows the grid's filter shows, counted in the dataset's file: the Export dialog
// says that selected rows the filter hides are exported too only when this is less than the selection.
import { describe, expect, it } from 'vitest'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'
import { writerDataset } from './writer-dataset'

describe('counting the selected rows a filter shows', () => {
  const resource: StoredResource = { id: 'users', idKeys: ['id'], columns: ['email', 'status'], valueLabels: {} }
  // Every third user is inactive.
  const rows = Array.from({ length: 3_000 }, (_, i) => ({ id: `u${i}`, email: `user${i}@example.com`, status: i % 3 === 0 ? 'inactive' : 'active' }))
  const users = writerDataset('zc-selected-shown-', resource, rows)

  it('counts the selected rows that pass a text filter, an exact match or a column filter', () => {
    const inactive = [0, 3, 2_997]
    expect(users.db.countShown({ filter: { text: 'inactive' } }, inactive)).toBe(3)
    expect(users.db.countShown({ filter: { text: 'inactive' } }, [...inactive, 1, 2])).toBe(3)
    expect(users.db.countShown({ filter: { equals: { status: 'active' } } }, [...inactive, 1, 2])).toBe(2)
    expect(users.db.countShown({ filter: { columns: { email: 'user3@' } } }, [3, 4])).toBe(1)
    // The sort does not change which rows pass.
    expect(users.db.countShown({ sort: { column: 'email', direction: 'desc' }, filter: { text: 'inactive' } }, [0, 1])).toBe(1)
  })

  it('without a filter every selected row is shown, each once', () => {
    expect(users.db.countShown({}, [5, 5, 7])).toBe(2)
    expect(users.db.countShown({ filter: { text: '  ' } }, [1, 2])).toBe(2)
  })

  it('refuses a row the dataset lacks', () => {
    expect(() => users.db.countShown({ filter: { text: 'inactive' } }, [3_000])).toThrow(/Row 3000 is not in this list/)
  })
})
