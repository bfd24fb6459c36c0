// The dataset worker's database (store/dataset-db.ts) used directly: how a page is stored in
// steps (rows and id keys first, columns and search text later), and how an export takes its
// cells out of the rows.
import { existsSync } from 'node:fs'
import type { DatabaseSync } from 'node:sqlite'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPath } from '../../../main/data/datasets/paths'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'
import { rowKey } from '../../../main/data/datasets/store/row-key'
import { csvLine } from '../../../main/data/export/csv-field'
import { csvRecord } from '../../../main/data/export/records'

const resource: StoredResource = { id: 'people', idKeys: ['id'], columns: ['name', 'score'], valueLabels: { kind: { a: 'Alpha' } } }
const NAMES = ['Émile', 'zoë', 'Ørjan', 'adam', 'ÅSA', 'bob', '', 'Zoë']

function person(i: number): Record<string, unknown> {
  return { id: `p${i}`, name: NAMES[i % NAMES.length], score: (i * 37) % 11, kind: i % 3 === 0 ? 'a' : 'b', tags: [`t${i % 4}`] }
}

/** Adds rows as the worker receives them: each row's JSON and id key. */
function addRows(db: DatasetDb, rows: readonly unknown[]): number {
  return db.add(
    rows.map((row) => JSON.stringify(row)),
    rows.map((row) => rowKey(row, resource.idKeys)),
  )
}

const sortedBy = (rows: Record<string, unknown>[], key: (row: Record<string, unknown>) => string): number[] =>
  rows
    .map((row, i) => ({ i, k: key(row) }))
    .sort((a, b) => (a.k === b.k ? a.i - b.i : a.k === '' ? 1 : b.k === '' ? -1 : a.k < b.k ? -1 : 1))
    .map(({ i }) => i)

describe('DatasetDb', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-dataset-db-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('extracts the columns of parsed pages as of their stored JSON: held rows, rows read back past the bound, a page with a duplicate', () => {
    const rows = Array.from({ length: 5200 }, (_, i) => person(i))
    const parsed = new DatasetDb(join(dir, 'parsed.sqlite'), resource, true)
    // The same rows stored as JSON text, extracted from what is read back: the reference.
    const text = new DatasetDb(join(dir, 'text.sqlite'), resource, true)
    try {
      // Pages of 700 parsed rows (more than the worker holds parsed), a duplicate, extraction in between.
      const pages = [...Array.from({ length: 6 }, (_, p) => rows.slice(p * 700, p * 700 + 700)), [person(3), ...rows.slice(4200, 4500)], rows.slice(4500)]
      pages.forEach((page, p) => {
        expect(parsed.addRows(page)).toBe(addRows(text, page))
        if (p === 2) parsed.extract(500)
        // All extracted: the worker holds none, so the page with a duplicate would be held.
        if (p === 5) while (parsed.extracting) parsed.extract(10_000)
      })
      for (const column of ['name', 'score']) {
        const sort = { column, direction: 'desc' as const }
        const read = (db: DatasetDb) => db.window({ offset: 0, limit: 5200, columns: ['id', 'name', 'score'], sort })
        expect(read(parsed).rows).toEqual(read(text).rows)
        expect(read(parsed).rows).toHaveLength(5200)
      }
    } finally {
      parsed.close(true)
      text.close(true)
    }
  })

  it('keeps each id once (within a page and across pages) and every row without an id', () => {
    const db = new DatasetDb(join(dir, 'dedup.sqlite'), resource, true)
    try {
      expect(addRows(db, [person(1), person(2), person(1), { name: 'no id' }, { name: 'no id' }])).toBe(4)
      expect(addRows(db, [person(2), person(3), { id: '', name: 'empty id' }])).toBe(2)
      expect(db.rowCount).toBe(6)
      expect(db.row(4)).toEqual(person(3))
      expect(db.row(5)).toEqual({ id: '', name: 'empty id' })
    } finally {
      db.close(true)
    }
  })

  it('answers a page before extracting its columns; a sort or filter catches up first, also in a file opened again', () => {
    const path = join(dir, 'later.sqlite')
    const rows = Array.from({ length: 1200 }, (_, i) => person(i))
    const first = new DatasetDb(path, resource, true)
    addRows(first, rows.slice(0, 700))
    first.extract(300)
    addRows(first, rows.slice(700))
    expect(first.extracting).toBe(true)
    first.close(false)

    const db = new DatasetDb(path, resource, false)
    try {
      expect(db.extracting).toBe(true)
      const sort = { column: 'name', direction: 'asc' as const }
      const window = db.window({ offset: 0, limit: 1200, columns: ['name'], sort })
      expect(window.rows.map((row) => row.index)).toEqual(sortedBy(rows, (row) => String(row.name).toLowerCase()))
      expect(db.extracting).toBe(false)
      // Case-insensitive beyond ASCII, on a column and over every value (the search text, made on first need).
      const expected = rows.flatMap((row, i) => (String(row.name).toLowerCase().includes('zoë') ? [i] : []))
      expect(db.select({ filter: { columns: { name: 'ZOË' } } })).toEqual(Uint32Array.from(expected))
      expect(db.select({ filter: { text: 'ZOË' } })).toEqual(Uint32Array.from(expected))
      expect(db.select({ filter: { text: 'alpha' } }).length).toBe(rows.filter((row) => row.kind === 'a').length)
      expect(db.select({ filter: { equals: { name: 'Zoë' } } })).toEqual(Uint32Array.from(rows.flatMap((row, i) => (row.name === 'Zoë' ? [i] : []))))
      // A bound on the view: at it the indexes come back, past it none are gathered.
      expect(db.select({ filter: { columns: { name: 'ZOË' } } }, expected.length)).toHaveLength(expected.length)
      expect(() => db.select({ filter: { columns: { name: 'ZOË' } } }, expected.length - 1)).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
      expect(db.search('ørjan', 3).length).toBe(3)
    } finally {
      db.close(true)
    }
  })

  it('answers a new sort’s first screens before materialising it, in exactly the order the materialised view has', () => {
    const db = new DatasetDb(join(dir, 'early.sqlite'), resource, true)
    try {
      // Many ties and empty names, so the order of equal and empty values is checked too.
      addRows(db, Array.from({ length: 3000 }, (_, i) => person(i)))
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { column: 'name', direction }
        const early = [0, 100, 900].map((offset) => db.window({ offset, limit: 100, columns: ['name', 'id'], sort }))
        expect(db.hasPendingViews).toBe(true)
        db.materialisePending()
        expect(db.hasPendingViews).toBe(false)
        const order = db.select({ sort })
        for (const window of early) {
          expect(window.filteredTotal).toBe(3000)
          expect(window.rows.map((row) => row.index)).toEqual([...order.subarray(window.offset, window.offset + 100)])
          expect(window.rows.map((row) => row.cells[1])).toEqual(window.rows.map((row) => `p${row.index}`))
        }
        // Beyond the first screens, or once materialised, windows come from the view.
        expect(db.window({ offset: 2000, limit: 100, columns: ['id'], sort }).rows.map((row) => row.index)).toEqual([...order.subarray(2000, 2100)])
        expect(db.hasPendingViews).toBe(false)
      }
    } finally {
      db.close(true)
    }
  })

  it('filters by exact value after the file was moved (kept): the new connection has the functions the query needs', () => {
    const db = new DatasetDb(join(dir, 'moved.sqlite'), resource, true)
    try {
      const rows = Array.from({ length: 40 }, (_, i) => person(i))
      addRows(db, rows)
      const expected = Uint32Array.from(rows.flatMap((row, i) => (row.name === 'bob' ? [i] : [])))
      expect(db.select({ filter: { equals: { name: 'bob' } } })).toEqual(expected)
      db.move(join(dir, 'moved-kept.sqlite'))
      expect(db.select({ filter: { equals: { name: 'bob' } } })).toEqual(expected)
    } finally {
      db.close(true)
    }
  })

  it('stays usable where it was when a move fails (the target folder is gone)', () => {
    const path = join(dir, 'unmoved.sqlite')
    const db = new DatasetDb(path, resource, true)
    try {
      addRows(db, [person(1), person(2)])
      expect(() => db.move(join(dir, 'no-such-folder', 'kept.sqlite'))).toThrow(/ENOENT/)
      expect(db.row(1)).toEqual(person(2))
      expect(addRows(db, [person(3)])).toBe(1)
      expect(db.rowCount).toBe(3)
    } finally {
      db.close(true)
    }
    expect(existsSync(path)).toBe(false)
  })

  it('leaves no order table in the file when an export’s order cannot be written (a full disk)', () => {
    const db = new DatasetDb(join(dir, 'full.sqlite'), resource, true)
    // The dataset's own connection, reached past its privacy: the disk fills through its limit.
    const connection = (db as unknown as { db: DatabaseSync }).db
    const tables = () => connection.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'export%'").all()
    try {
      addRows(db, Array.from({ length: 5000 }, (_, i) => person(i)))
      db.view({ sort: { column: 'score', direction: 'asc' } })
      const pages = Number(connection.prepare('PRAGMA page_count').get()?.page_count)
      connection.exec(`PRAGMA max_page_count = ${pages + 2}`)
      expect(() => db.exportSource({ sort: { column: 'name', direction: 'desc' } })).toThrow(/full/)
      expect(tables()).toEqual([])
    } finally {
      db.close(true)
    }
  })

  it('exports each stored row\'s cells as the grid shows them, whatever the row holds', async () => {
    const tricky: unknown[] = [
      { id: 'a', s: 'say "hi", =1+2', n: -1.5e-7, big: Number('12345678901234567890'), b: true, f: false, z: null, o: { x: [1, 'é'] }, arr: [], u: '\u2028\ttab 東京 \\ "' },
      { id: 'b', s: '', n: 0, b: false, o: {}, arr: [{ k: 1 }], u: 'line1\nline2', plain: 'Zoë 東京 – “quoted”', constructor: 'name' },
      { id: 'c', n: 1e21, big: Number('9007199254740993'), nested: { deep: { value: 'v' } } },
      [1, 2],
      'a string row',
    ]
    const columns = ['s', 'n', 'big', 'b', 'f', 'z', 'o', 'arr', 'u', 'plain', 'constructor', 'nested.deep.value', 'missing']
    // Coded values written as their names; only a label's own names count.
    const labels = { n: { '0': 'zero' }, b: { true: 'Yes' }, constructor: { other: 'x' } }
    const db = new DatasetDb(join(dir, 'export.sqlite'), { ...resource, columns: [] }, true)
    try {
      addRows(db, tricky)
      for (const cols of [columns, ['arr.0', ...columns]]) {
        const path = join(dir, `export-${cols.length}.csv`)
        expect(await writeExport(db, { path, mode: 0o600, format: 'csv', columns: cols, labels }, { between: async () => undefined })).toBe(tricky.length)
        const expected = csvLine(cols) + tricky.map((row) => csvRecord(cols.map((column) => getPath(row, column)), cols, labels)).join('')
        expect(await readFile(path, 'utf8')).toBe(expected)
        expect(expected).toContain('"zero"')
        expect(expected).toContain('"Yes"')
        expect(expected).toContain('"Zoë 東京 – “quoted”","name"')
        expect(expected).toContain('"say ""hi"", =1+2",-1.5e-7,12345678901234567000,"Yes",false,,"{""x"":[1,""é""]}","[]",')
      }
    } finally {
      db.close(true)
    }
  })
})
