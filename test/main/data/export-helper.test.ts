// An export longer than one batch is read and formatted by two threads (the dataset worker and its
// export helper thread, each through its own connection to the dataset's file): the file must be
// exactly what one thread writes, in the rows' order, for every format and for a sorted or filtered
// view, also when the helper breaks (its batches are written by the worker). The helper must have
// formatted some of them itself (the worker would write the same file alone). The view's order
// table is gone from the file afterwards; either connection that meets the other's lock waits for
// it; the helper lets go of the file when stopped; and a move or close of the dataset waits for an
// export under way instead of pulling the file from under it.
import { readFile, stat } from 'node:fs/promises'
import { DatabaseSync } from 'node:sqlite'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { formatRows } from '../../../main/data/datasets/store/export-format'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { ExportHelper, type Formatted, type HelperExport } from '../../../main/data/datasets/store/export-helper'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import { writerDataset } from './writer-dataset'
import { holdLock } from './file-lock'
import { openHandlesOf } from './open-handles'
import type { ExportInput, StoredResource } from '../../../main/data/datasets/store/protocol'

const ROWS = 34_567

/** A helper that counts the ranges it formatted and answered. */
class CountingHelper extends ExportHelper {
  formatted = 0
  override async format(offset: number, limit: number): Promise<Formatted> {
    const formatted = await super.format(offset, limit)
    this.formatted++
    return formatted
  }
}

/** The tables of the dataset's file, read through a connection of the test's own. */
const tablesOf = (path: string): string[] => {
  // The worker may still hold its write lock a moment after it answers: wait for it, as a reader would.
  const reader = new DatabaseSync(path, { readOnly: true, timeout: 5_000 })
  try {
    return reader.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => String(row.name))
  } finally {
    reader.close()
  }
}
const resource: StoredResource = { id: 'calls', idKeys: ['id'], columns: ['n', 'who'], valueLabels: {} }
const row = (i: number) => ({ id: `c${i}`, n: (i * 7919) % ROWS, who: `caller "${i % 97}", =x`, deep: { kind: i % 3 === 0 ? 'inbound' : 'outbound' } })

describe('export with a helper thread', () => {
  const rows = Array.from({ length: ROWS }, (_, i) => row(i))

  const calls = writerDataset('zc-export-helper-', resource, rows)

  const helpers: CountingHelper[] = []
  const counting = (task: HelperExport) => {
    const helper = new CountingHelper(task)
    helpers.push(helper)
    return helper
  }

  for (const format of ['csv', 'ndjson', 'json'] as const) {
    it(`writes ${format} exactly as one thread would, in the view's order`, async () => {
      const input: ExportInput = { path: join(calls.dir, `all.${format}`), mode: 0o600, format, columns: ['n', 'who', 'deep.kind'], labels: { 'deep.kind': { inbound: 'In' } }, sort: { column: 'n', direction: 'desc' } }
      const before = helpers.length
      expect(await writeExport(calls.db, input, { between: async () => undefined, helper: counting })).toBe(ROWS)
      expect(helpers.length).toBe(before + 1)
      expect(helpers.at(-1)?.formatted).toBeGreaterThan(0)
      const ordered = [...rows].sort((a, b) => b.n - a.n).map((r) => JSON.stringify(r))
      const head = format === 'csv' ? '"n","who","deep.kind"\n' : format === 'json' ? '[' : ''
      const tail = format === 'json' ? '\n]\n' : ''
      expect(await readFile(input.path, 'utf8')).toBe(head + formatRows(ordered, input, 0) + tail)
    })
  }

  it('writes a one-batch export without starting a thread', async () => {
    const before = helpers.length
    const input: ExportInput = { path: join(calls.dir, 'few.csv'), mode: 0o600, format: 'csv', columns: ['n'], filter: { columns: { who: 'caller "1",' } } }
    const written = await writeExport(calls.db, input, { between: async () => undefined, helper: counting })
    expect(written).toBe(rows.filter((r) => r.who.startsWith('caller "1",')).length)
    expect(helpers.length).toBe(before)
  })

  it('goes on in one thread when the helper thread breaks, writing the same file', async () => {
    const broken = (task: HelperExport) => new ExportHelper(task, { url: new URL('data:text/javascript,throw new Error("helper broke")'), execArgv: [] })
    const input: ExportInput = { path: join(calls.dir, 'broken.csv'), mode: 0o600, format: 'csv', columns: ['n', 'who'] }
    expect(await writeExport(calls.db, input, { between: async () => undefined, helper: broken })).toBe(ROWS)
    expect(await readFile(input.path, 'utf8')).toBe(`"n","who"\n${formatRows(rows.map((r) => JSON.stringify(r)), input, 0)}`)
  })

  it('reads a filtered view longer than a batch through the helper, and leaves no order table in the file', async () => {
    const input: ExportInput = { path: join(calls.dir, 'filtered.ndjson'), mode: 0o600, format: 'ndjson', columns: ['n', 'who'], filter: { columns: { who: 'caller "1' } }, sort: { column: 'n', direction: 'asc' } }
    const tablesBefore = tablesOf(join(calls.dir, 'calls.sqlite'))
    const before = helpers.length
    const expected = rows.filter((r) => r.who.startsWith('caller "1')).sort((a, b) => a.n - b.n)
    expect(expected.length).toBeGreaterThan(2_500)
    expect(await writeExport(calls.db, input, { between: async () => undefined, helper: counting })).toBe(expected.length)
    expect(helpers.length).toBe(before + 1)
    expect(helpers.at(-1)?.formatted).toBeGreaterThan(0)
    expect(await readFile(input.path, 'utf8')).toBe(formatRows(expected.map((r) => JSON.stringify(r)), input, 0))
    expect(tablesOf(join(calls.dir, 'calls.sqlite'))).toEqual(tablesBefore)
  })

  it('stores a page that meets another connection’s read lock once the read ends, instead of failing', async () => {
    const lock = await holdLock(join(calls.dir, 'calls.sqlite'), 'BEGIN', 300)
    expect(calls.db.add(['{"id":"late","n":-1,"who":"late"}'], ['late'])).toBe(1)
    const stored = Date.now()
    expect(stored).toBeGreaterThanOrEqual(await lock.released)
    await lock.stop()
  })

  it('the helper reads through a write lock once it ends, instead of failing, and lets go of the file when stopped', async () => {
    const path = join(calls.dir, 'calls.sqlite')
    // The dataset's own handles: SQLite's, and the one its writes are synced through once it has some.
    const datasetHandles = process.platform === 'linux' ? openHandlesOf(path) : 0
    const helper = new ExportHelper({ source: { path, order: undefined, length: 3 }, input: { format: 'ndjson', columns: ['n'] } })
    const lock = await holdLock(path, 'BEGIN EXCLUSIVE', 300)
    const formatted = await helper.format(0, 3)
    const read = Date.now()
    expect(formatted.rows).toBe(3)
    expect(read).toBeGreaterThanOrEqual(await lock.released)
    await lock.stop()
    if (process.platform === 'linux') expect(openHandlesOf(path)).toBeGreaterThan(datasetHandles)
    await helper.stop()
    // Only the dataset's own handles are left.
    if (process.platform === 'linux') expect(openHandlesOf(path)).toBe(datasetHandles)
  })

  it('keeps or closes a dataset only once an export under way has ended, and the export is whole', async () => {
    const engine = new DatasetEngine()
    try {
      const from = join(calls.dir, 'moving.sqlite')
      await engine.call('d1', { op: 'open', path: from, create: true, resource })
      await engine.call('d1', { op: 'add', rows: rows.map((r) => JSON.stringify(r)), keys: rows.map((r) => r.id) })
      const input: ExportInput = { path: join(calls.dir, 'moving.csv'), mode: 0o600, format: 'csv', columns: ['n', 'who'], sort: { column: 'n', direction: 'asc' } }
      const exported = engine.call('d1', { op: 'export', input })
      const to = join(calls.dir, 'moved.sqlite')
      const moved = engine.call('d1', { op: 'move', path: to })
      expect((await exported).rows).toBe(ROWS)
      await moved
      await expect(stat(to)).resolves.toBeTruthy()
      await expect(stat(from)).rejects.toMatchObject({ code: 'ENOENT' })
      const ordered = [...rows].sort((a, b) => a.n - b.n).map((r) => JSON.stringify(r))
      expect(await readFile(input.path, 'utf8')).toBe(`"n","who"\n${formatRows(ordered, input, 0)}`)
      const again = engine.call('d1', { op: 'export', input: { ...input, path: join(calls.dir, 'closing.csv') } })
      const closed = engine.call('d1', { op: 'close', remove: true })
      expect((await again).rows).toBe(ROWS)
      await closed
      await expect(stat(to)).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      await engine.stop()
    }
  })

  it('drops an order table an export cut short left in a kept file when the dataset is opened, not when its facts are read', async () => {
    const path = join(calls.dir, 'kept.sqlite')
    const kept = new DatasetDb(path, resource, true)
    kept.add(['{"id":"a","n":1,"who":"x"}'], ['a'])
    kept.close(false)
    const other = new DatabaseSync(path)
    other.exec('CREATE TABLE export_7(pos INTEGER PRIMARY KEY, idx INTEGER NOT NULL)')
    other.close()
    const engine = new DatasetEngine()
    try {
      await engine.call('k', { op: 'readMeta', path })
      expect(tablesOf(path)).toContain('export_7')
      await engine.call('k', { op: 'open', path, create: false, resource })
      expect(tablesOf(path)).not.toContain('export_7')
    } finally {
      await engine.stop()
    }
  })
})
