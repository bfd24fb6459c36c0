// One contract, two implementations: main's dataset store (SQLite in the dataset worker) and the
// renderer fake's in-memory view (test/renderer/fake/memory-view.ts), which the component tests and
// the screenshot harness run the grid on. The same rows and specs go through both; they must give
// the same rows in the same order, so a grid test on the fake sees what main would show.
import { randomUUID } from 'node:crypto'
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { Dataset, type DatasetResource } from '../../../main/data/datasets/dataset'
import type { ViewSpec } from '../../../main/data/datasets/view'
import { memoryView, memoryViewLength, memoryViewRow } from '../../renderer/fake/memory-view'

const resource: DatasetResource = {
  id: '/contract',
  idKeys: [],
  defaultColumns: [
    { path: 'name', label: 'Name' },
    { path: 'type', label: 'Type', valueLabels: { '1': 'Basic', '2': 'Licensed' } },
  ],
}
const labels = { type: { '1': 'Basic', '2': 'Licensed' } }

const open: Dataset<DatasetResource>[] = []
afterAll(async () => {
  await Promise.all(open.map((dataset) => dataset.close()))
})

async function bothViews(rows: unknown[], spec: ViewSpec): Promise<{ store: number[]; memory: number[] }> {
  const dataset = new Dataset(randomUUID(), 'p', resource, 0)
  open.push(dataset)
  await dataset.add(rows)
  const store = await dataset.select(spec)
  const view = memoryView(rows, spec, labels)
  const memory = Array.from({ length: memoryViewLength(rows.length, view) }, (_, position) => memoryViewRow(view, position))
  await dataset.close()
  return { store, memory }
}

const ROWS = [
  { name: 'Émile', type: 2, size: '10', when: '2026-03-01T10:00:00Z', nested: { city: 'Zürich' } },
  { name: 'adam', type: 1, size: 9, when: '2026-01-15', nested: { city: 'berlin' } },
  { name: 'Zoe', type: 2, size: null, when: '', tags: ['vip', 'beta'] },
  { name: 'zoe', type: '2', size: '9.5', when: '2025-12-31T23:59:59Z' },
  { name: '', type: 3, size: 'n/a', when: 'soon', flag: true },
  { name: 'Bob', size: 100, when: '2026-03-01', flag: false },
  { name: '𝔘nicode', type: 1, size: '-4', when: null },
  { name: 'ﬀ ligature', type: 1, size: '7', nested: { city: 'Zürich' } },
  { name: 'adam', type: 2, size: 9, when: '2026-01-15' },
  { name: 'ada', type: 1, size: '9', when: '2026-01-15T00:00:00Z' },
]

const SPECS: [string, ViewSpec][] = [
  ['no sort or filter', {}],
  ['a text sort, ascending', { sort: { column: 'name', direction: 'asc' } }],
  ['a text sort, descending (empties still last, ties in dataset order)', { sort: { column: 'name', direction: 'desc' } }],
  ['numbers and numeric strings', { sort: { column: 'size', direction: 'asc' } }],
  ['numbers and numeric strings, descending', { sort: { column: 'size', direction: 'desc' } }],
  ['ISO dates as instants', { sort: { column: 'when', direction: 'asc' } }],
  ['a nested column', { sort: { column: 'nested.city', direction: 'desc' } }],
  ['an absent column', { sort: { column: 'nothing', direction: 'asc' } }],
  ['text in any value, nested or in an array', { filter: { text: 'ZÜRICH' } }],
  ['text in an array item', { filter: { text: 'vip' } }],
  ['a coded value by its label', { filter: { text: 'licensed' } }],
  ['a column filter', { filter: { columns: { name: ' ZO ' } } }],
  ['a column filter on a number', { filter: { columns: { size: '9' } } }],
  ['an exact value', { filter: { equals: { name: 'adam' } } }],
  ['an exact empty value', { filter: { equals: { name: '' } } }],
  ['an exact number', { filter: { equals: { type: '2' } } }],
  ['an empty value (missing, null, \'\', [] or {})', { filter: { empty: { when: true } } }],
  ['a value that is not empty', { filter: { empty: { size: false } } }],
  ['an empty array', { filter: { empty: { tags: true } } }],
  ['empty and a text filter and a sort', { filter: { text: 'a', empty: { nested: true } }, sort: { column: 'name', direction: 'desc' } }],
  ['a filter and a sort together', { filter: { text: 'a', columns: { name: 'a' } }, sort: { column: 'when', direction: 'desc' } }],
  ['blank filters count as none', { filter: { text: '  ', columns: { name: '' } }, sort: { column: 'flag', direction: 'asc' } }],
]

describe('the renderer fake sorts and filters as main’s dataset store does', () => {
  it.each(SPECS)('%s', async (_, spec) => {
    const { store, memory } = await bothViews(ROWS, spec)
    expect(memory).toEqual(store)
  })

  it('agrees on generated rows and specs', async () => {
    const value = fc.oneof(
      fc.constant(null),
      fc.constant(''),
      fc.integer({ min: -1000, max: 1000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
      fc.boolean(),
      fc.constantFrom('a', 'A', 'ab', 'B', 'b', 'é', 'É', '10', '9', '-3.5', '2026-01-02', '2026-01-02T03:04:05Z', 'x y'),
      fc.string({ maxLength: 6 }),
      fc.array(fc.constantFrom('a', 'b', 1), { maxLength: 2 }),
      fc.constantFrom({}, { a: null }, '[]', '{}', '0', 0, false),
    )
    const row = fc.record({ name: value, type: fc.constantFrom(1, 2, '2', undefined), size: value }, { requiredKeys: [] })
    const needle = fc.constantFrom('a', 'B', '1', 'licensed', 'é', '2026', ' ')
    const spec: fc.Arbitrary<ViewSpec> = fc.record(
      {
        sort: fc.record({ column: fc.constantFrom('name', 'size', 'type'), direction: fc.constantFrom('asc' as const, 'desc' as const) }),
        filter: fc.record({ text: needle, columns: fc.dictionary(fc.constantFrom('name', 'size'), needle, { maxKeys: 1 }), equals: fc.dictionary(fc.constantFrom('name', 'type'), fc.constantFrom('a', '2', '', 'B'), { maxKeys: 1 }), empty: fc.dictionary(fc.constantFrom('name', 'size', 'type'), fc.boolean(), { maxKeys: 2 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    )
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 25 }), spec, async (rows, viewSpec) => {
        const { store, memory } = await bothViews(rows, viewSpec)
        expect(memory).toEqual(store)
      }),
      { numRuns: 60 },
    )
  })
})
