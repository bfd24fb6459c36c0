// The "Empty" / "Not empty" column filter, as the dataset store answers it (dataset worker,
// SQLite): which values are empty, and that every reader of a filter (windows and their counts,
// Select all, the selection's shown count, exports) sees the same rows.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dataset, type DatasetResource } from '../../../main/data/datasets/dataset'
import type { ViewSpec } from '../../../main/data/datasets/view'
import { viewKey } from '../../../main/data/datasets/view-key'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { DialogPort } from '../../../main/ports'
import { usersResource } from './fixtures'

/** Each row's `value` is one kind of value; the comment on each says whether it is empty. */
const KINDS: { id: string; value?: unknown }[] = [
  { id: 'missing' }, // empty
  { id: 'null', value: null }, // empty
  { id: 'blank', value: '' }, // empty
  { id: 'no-items', value: [] }, // empty
  { id: 'no-keys', value: {} }, // empty
  { id: 'zero', value: 0 },
  { id: 'false', value: false },
  { id: 'zero-text', value: '0' },
  { id: 'space', value: ' ' },
  { id: 'brackets-text', value: '[]' },
  { id: 'braces-text', value: '{}' },
  { id: 'one-item', value: [null] },
  { id: 'one-key', value: { a: null } },
  { id: 'word', value: 'x' },
]
const EMPTY_IDS = ['missing', 'null', 'blank', 'no-items', 'no-keys']
const kindResource: DatasetResource = { id: 'kinds', idKeys: ['id'], defaultColumns: [{ path: 'id', label: 'ID' }] }

const datasets: Dataset<DatasetResource>[] = []
afterAll(async () => {
  await Promise.all(datasets.map((dataset) => dataset.close()))
})

async function datasetOf(rows: readonly { id: string }[], resource: DatasetResource = kindResource): Promise<Dataset<DatasetResource>> {
  const dataset = new Dataset<DatasetResource>(`ds-${datasets.length}`, 'p', resource, 0)
  datasets.push(dataset)
  await dataset.add([...rows])
  return dataset
}

const idsAt = (indexes: readonly number[], rows: readonly { id: string }[]) => indexes.map((index) => rows[index]?.id)

describe('the empty filter', () => {
  it('finds missing, null, empty text, [] and {}; 0, false, "0" and text that looks empty are values', async () => {
    const dataset = await datasetOf(KINDS)
    expect(idsAt(await dataset.select({ filter: { empty: { value: true } } }), KINDS)).toEqual(EMPTY_IDS)
    expect(idsAt(await dataset.select({ filter: { empty: { value: false } } }), KINDS)).toEqual(KINDS.map((k) => k.id).filter((id) => !EMPTY_IDS.includes(id)))
  })

  it('finds a nested column whose parent is missing, and works on a column first asked for by the filter', async () => {
    const rows = [{ id: 'a', settings: { pmi: 1 } }, { id: 'b' }, { id: 'c', settings: null }, { id: 'd', settings: { pmi: '' } }]
    const dataset = await datasetOf(rows)
    expect(idsAt(await dataset.select({ filter: { empty: { 'settings.pmi': true } } }), rows)).toEqual(['b', 'c', 'd'])
  })

  it('combines with the text filter, another column’s empty filter and a sort; the count follows', async () => {
    const rows = [
      { id: 'u1', email: 'ann@sales.example', last_login_time: null, dept: 'Sales' },
      { id: 'u2', email: 'bob@sales.example', last_login_time: '2026-01-02T00:00:00Z', dept: 'Sales' },
      { id: 'u3', email: 'cy@sales.example', dept: '' },
      { id: 'u4', email: 'dee@eng.example', dept: 'Eng' },
      { id: 'u5', email: 'abe@sales.example', last_login_time: '', dept: 'Sales' },
    ]
    const dataset = await datasetOf(rows, usersResource)
    const spec = { sort: { column: 'email', direction: 'asc' as const }, filter: { text: 'sales', empty: { last_login_time: true } } }
    expect(idsAt(await dataset.select(spec), rows)).toEqual(['u5', 'u1', 'u3'])
    const window = await dataset.window({ offset: 0, limit: 10, columns: ['email'], ...spec })
    expect(window.filteredTotal).toBe(3)
    expect(window.rows.map((row) => row.cells[0])).toEqual(['abe@sales.example', 'ann@sales.example', 'cy@sales.example'])
    // Two empty filters at once: never signed in, with a department.
    expect(idsAt(await dataset.select({ sort: { column: 'email', direction: 'desc' }, filter: { empty: { last_login_time: true, dept: false } } }), rows)).toEqual(['u4', 'u1', 'u5'])
    // Descending: the sort's own order, not dataset order.
    expect(idsAt(await dataset.select({ ...spec, sort: { column: 'email', direction: 'desc' } }), rows)).toEqual(['u3', 'u1', 'u5'])
  })

  it('counts the selected rows it shows (the Export dialog’s note)', async () => {
    const dataset = await datasetOf(KINDS)
    // Rows 0 and 3 are empty, 5 and 6 are not.
    expect(await dataset.countShown({ filter: { empty: { value: true } } }, [0, 3, 5, 6])).toBe(2)
    expect(await dataset.countShown({ filter: { empty: { value: false } } }, [0, 3, 5, 6])).toBe(2)
  })

  it('is part of the key a view is cached under', () => {
    const specs: ViewSpec[] = [{}, { filter: { empty: { value: true } } }, { filter: { empty: { value: false } } }, { filter: { empty: { other: true } } }, { filter: { equals: { value: '' } } }]
    const keys = specs.map(viewKey)
    expect(new Set(keys).size).toBe(keys.length)
    // The order the columns were named in does not make another view.
    expect(viewKey({ filter: { empty: { a: true, b: false } } })).toBe(viewKey({ filter: { empty: { b: false, a: true } } }))
  })
})

describe('an export with the empty filter', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-empty-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('writes only the rows the filter shows, in the sort’s order', async () => {
    const dataset = await datasetOf(KINDS)
    const path = join(dir, 'empty.json')
    const port: DialogPort = { chooseSaveFile: async () => path, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }
    const result = await exportDataset({ dialogs: port, clock: { now: () => 0 } }, dataset, { format: 'json', columns: ['id'], sort: { column: 'id', direction: 'desc' }, filter: { empty: { value: true } } })
    expect(result.rows).toBe(EMPTY_IDS.length)
    const written = JSON.parse(await readFile(path, 'utf8')) as { id: string }[]
    expect(written.map((row) => row.id)).toEqual([...EMPTY_IDS].sort().reverse())
  })
})
