import { beforeAll, describe, expect, it } from 'vitest'
import { Dataset } from '../../../main/data/datasets/dataset'
import { type SyntheticUser, syntheticUsers, usersDefaultColumns, usersResource } from './fixtures'

const COUNT = 100_000

function referenceOrder(users: SyntheticUser[], key: (u: SyntheticUser) => number | string | undefined, direction: 'asc' | 'desc', keep: (u: SyntheticUser) => boolean = () => true): number[] {
  const sign = direction === 'asc' ? 1 : -1
  const indexes = users.map((_, i) => i).filter((i) => keep(users[i]!))
  return indexes.sort((a, b) => {
    const ka = key(users[a]!)
    const kb = key(users[b]!)
    if (ka === undefined || kb === undefined) return ka === kb ? a - b : ka === undefined ? 1 : -1
    if (ka < kb) return -sign
    if (ka > kb) return sign
    return (a - b) * sign
  })
}

describe('Dataset', () => {
  let users: SyntheticUser[]
  let dataset: Dataset

  beforeAll(async () => {
    users = syntheticUsers(COUNT)
    dataset = new Dataset('ds1', 'p1', usersResource, 0)
    for (let i = 0; i < users.length; i += 2000) await dataset.add(users.slice(i, i + 2000))
  })

  it('keeps each row once, by the resource id key, and gives back the rows as Zoom sent them', async () => {
    expect(await dataset.add(users.slice(0, 5000))).toBe(0)
    expect(dataset.rowCount).toBe(COUNT)
    expect(await dataset.row(42)).toEqual(users[42])
    await expect(dataset.row(COUNT)).rejects.toThrow(expect.objectContaining({ code: 'NOT_FOUND' }))
  })

  it('lists the dotted columns it sees, and the catalog defaults', async () => {
    const info = await dataset.info()
    expect(info.rows).toBe(COUNT)
    expect(info.defaultColumns).toEqual(usersDefaultColumns)
    expect(info.availableColumns).toEqual(expect.arrayContaining(['id', 'email', 'settings.host_video', 'settings.pmi', 'group_ids', 'dept']))
    expect(info.availableColumns).not.toContain('settings')
  })

  it('returns a window of the requested columns, nested values as JSON', async () => {
    const window = await dataset.window({ offset: 10, limit: 3, columns: ['id', 'settings.host_video', 'group_ids', 'missing.path'] })
    expect(window.total).toBe(COUNT)
    expect(window.filteredTotal).toBe(COUNT)
    expect(window.rows.map((r) => r.index)).toEqual([10, 11, 12])
    expect(window.rows[0]!.cells).toEqual([users[10]!.id, users[10]!.settings.host_video, JSON.stringify(users[10]!.group_ids), null])
    expect((await dataset.window({ offset: COUNT - 2, limit: 10 })).rows.length).toBe(2)
  })

  it('sorts numbers stably: ties keep dataset order ascending and reverse it descending, so descending is ascending turned over', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const expected = referenceOrder(users, (u) => u.type, direction)
      const window = await dataset.window({ offset: 50_000, limit: 1000, columns: ['type'], sort: { column: 'type', direction } })
      expect(window.rows.map((r) => r.index)).toEqual(expected.slice(50_000, 51_000))
    }
    const ascending = (await dataset.window({ offset: 0, limit: COUNT, columns: ['type'], sort: { column: 'type', direction: 'asc' } })).rows.map((r) => r.index)
    const descending = (await dataset.window({ offset: 0, limit: COUNT, columns: ['type'], sort: { column: 'type', direction: 'desc' } })).rows.map((r) => r.index)
    expect(descending).toEqual([...ascending].reverse())
    // Two windows of every row (100,000 each, sorted): seconds on a quiet machine, more on a busy one.
  }, 60_000)

  it('sorts ISO dates by time and strings case-insensitively', async () => {
    const times = new Map(users.map((u) => [u, Date.parse(u.created_at)]))
    const byDate = referenceOrder(users, (u) => times.get(u), 'desc')
    expect((await dataset.window({ offset: 0, limit: 1000, sort: { column: 'created_at', direction: 'desc' } })).rows.map((r) => r.index)).toEqual(byDate.slice(0, 1000))
    const byName = referenceOrder(users, (u) => u.first_name.toLowerCase(), 'asc')
    expect((await dataset.window({ offset: 70_000, limit: 500, sort: { column: 'first_name', direction: 'asc' } })).rows.map((r) => r.index)).toEqual(byName.slice(70_000, 70_500))
  })

  it('puts empty values last whichever the direction', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const expected = referenceOrder(users, (u) => (u.dept ? u.dept.toLowerCase() : undefined), direction)
      const window = await dataset.window({ offset: COUNT - 1000, limit: 1000, columns: ['dept'], sort: { column: 'dept', direction } })
      expect(window.rows.map((r) => r.index)).toEqual(expected.slice(COUNT - 1000))
      expect([null, '']).toContain(window.rows.at(-1)!.cells[0])
    }
  })

  it('filters by text over every column, shown or not, and per column', async () => {
    const needle = 'ann1'
    const shown = ['id', 'first_name']
    const leaves = (u: SyntheticUser): string[] => [u.id, u.email, u.first_name, String(u.type), u.created_at, u.dept ?? '', String(u.settings.host_video), String(u.settings.pmi), ...u.group_ids]
    const expected = users.map((u, i) => (leaves(u).some((text) => text.toLowerCase().includes(needle)) ? i : -1)).filter((i) => i >= 0)
    const window = await dataset.window({ offset: 0, limit: 1000, columns: shown, filter: { text: 'ANN1' } })
    expect(window.filteredTotal).toBe(expected.length)
    expect(window.rows.map((r) => r.index)).toEqual(expected.slice(0, 1000))
    // A column the grid does not show is searched too: an e-mail finds its row with only the id shown.
    const email = users[7]!.email
    const byEmail = await dataset.window({ offset: 0, limit: 1000, columns: ['id'], filter: { text: email.toUpperCase() } })
    expect(byEmail.filteredTotal).toBe(users.filter((u) => u.email.includes(email)).length)
    expect(byEmail.rows.map((r) => r.index)).toContain(7)
    // A coded value is found by the name the grid shows for it (type 2 is "Licensed").
    const licensed = await dataset.window({ offset: 0, limit: 10, columns: ['id'], filter: { text: 'licensed' } })
    expect(licensed.filteredTotal).toBe(users.filter((u) => u.type === 2 || leaves(u).some((text) => text.toLowerCase().includes('licensed'))).length)

    const keep = (u: SyntheticUser) => (u.dept ?? '').toLowerCase().includes('sales') && String(u.type).includes('2')
    const expectedSorted = referenceOrder(users, (u) => u.email, 'asc', keep)
    const filtered = await dataset.window({ offset: 0, limit: 1000, filter: { columns: { dept: 'SALES', type: '2', email: '  ' } }, sort: { column: 'email', direction: 'asc' } })
    expect(filtered.filteredTotal).toBe(expectedSorted.length)
    expect(filtered.rows.map((r) => r.index)).toEqual(expectedSorted.slice(0, 1000))
  })

  it('computes a view once per (sort, filter) and recomputes when the dataset grows', async () => {
    const spec = { sort: { column: 'email', direction: 'asc' as const }, columns: ['email'] }
    const first = await dataset.view(spec)
    expect(await dataset.view({ ...spec, filter: { text: '  ' } })).toBe(first)
    const grown = new Dataset('ds2', 'p1', usersResource, 0)
    await grown.add(users.slice(0, 100))
    const before = await grown.view(spec)
    await grown.add(users.slice(100, 200))
    const after = await grown.view(spec)
    expect(after).not.toBe(before)
    expect(after?.length).toBe(200)
  })
})
