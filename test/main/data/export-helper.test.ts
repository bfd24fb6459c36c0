// An export longer than one batch is read and formatted by two threads (the dataset worker and its
// export helper thread, each through its own connection to the dataset's file): the file must be
// exactly what one thread writes, in the rows' order, for every format and for a sorted or filtered
// view, also when the helper breaks (its batches are written by the worker). The view's order table
// is gone from the file afterwards, and a write that meets the helper's read lock waits for it.
import { once } from 'node:events'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { DatabaseSync } from 'node:sqlite'
import { Worker } from 'node:worker_threads'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { formatRows } from '../../../main/data/datasets/store/export-format'
import { ExportHelper } from '../../../main/data/datasets/store/export-helper'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { ExportInput, StoredResource } from '../../../main/data/datasets/store/protocol'

const ROWS = 34_567
/** The tables of the dataset's file, read through a connection of the test's own. */
const tablesOf = (path: string): string[] => {
  const reader = new DatabaseSync(path, { readOnly: true })
  try {
    return reader.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all().map((row) => String(row.name))
  } finally {
    reader.close()
  }
}
const resource: StoredResource = { id: 'calls', idKeys: ['id'], columns: ['n', 'who'], valueLabels: {} }
const row = (i: number) => ({ id: `c${i}`, n: (i * 7919) % ROWS, who: `caller "${i % 97}", =x`, deep: { kind: i % 3 === 0 ? 'inbound' : 'outbound' } })

describe('export with a helper thread', () => {
  let dir: string
  let db: DatasetDb
  const rows = Array.from({ length: ROWS }, (_, i) => row(i))

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-helper-'))
    db = new DatasetDb(join(dir, 'calls.sqlite'), resource, true)
    db.add(
      rows.map((r) => JSON.stringify(r)),
      rows.map((r) => r.id),
    )
  })
  afterAll(async () => {
    db.close(true)
    await rm(dir, { recursive: true, force: true })
  })

  const helpers: ExportHelper[] = []
  const counting = () => {
    const helper = new ExportHelper()
    helpers.push(helper)
    return helper
  }

  for (const format of ['csv', 'ndjson', 'json'] as const) {
    it(`writes ${format} exactly as one thread would, in the view's order`, async () => {
      const input: ExportInput = { path: join(dir, `all.${format}`), mode: 0o600, format, columns: ['n', 'who', 'deep.kind'], labels: { 'deep.kind': { inbound: 'In' } }, sort: { column: 'n', direction: 'desc' } }
      const before = helpers.length
      expect(await writeExport(db, input, { between: async () => undefined, helper: counting })).toBe(ROWS)
      expect(helpers.length).toBe(before + 1)
      const ordered = [...rows].sort((a, b) => b.n - a.n).map((r) => JSON.stringify(r))
      const head = format === 'csv' ? '"n","who","deep.kind"\n' : format === 'json' ? '[' : ''
      const tail = format === 'json' ? '\n]\n' : ''
      expect(await readFile(input.path, 'utf8')).toBe(head + formatRows(ordered, input, 0) + tail)
    })
  }

  it('writes a one-batch export without starting a thread', async () => {
    const before = helpers.length
    const input: ExportInput = { path: join(dir, 'few.csv'), mode: 0o600, format: 'csv', columns: ['n'], filter: { columns: { who: 'caller "1",' } } }
    const written = await writeExport(db, input, { between: async () => undefined, helper: counting })
    expect(written).toBe(rows.filter((r) => r.who.startsWith('caller "1",')).length)
    expect(helpers.length).toBe(before)
  })

  it('goes on in one thread when the helper thread breaks, writing the same file', async () => {
    const broken = () => new ExportHelper({ url: new URL('data:text/javascript,throw new Error("helper broke")'), execArgv: [] })
    const input: ExportInput = { path: join(dir, 'broken.csv'), mode: 0o600, format: 'csv', columns: ['n', 'who'] }
    expect(await writeExport(db, input, { between: async () => undefined, helper: broken })).toBe(ROWS)
    expect(await readFile(input.path, 'utf8')).toBe(`"n","who"\n${formatRows(rows.map((r) => JSON.stringify(r)), input, 0)}`)
  })

  it('reads a filtered view longer than a batch through the helper, and leaves no order table in the file', async () => {
    const input: ExportInput = { path: join(dir, 'filtered.ndjson'), mode: 0o600, format: 'ndjson', columns: ['n', 'who'], filter: { columns: { who: 'caller "1' } }, sort: { column: 'n', direction: 'asc' } }
    const tablesBefore = tablesOf(join(dir, 'calls.sqlite'))
    const before = helpers.length
    const expected = rows.filter((r) => r.who.startsWith('caller "1')).sort((a, b) => a.n - b.n)
    expect(expected.length).toBeGreaterThan(2_500)
    expect(await writeExport(db, input, { between: async () => undefined, helper: counting })).toBe(expected.length)
    expect(helpers.length).toBe(before + 1)
    expect(await readFile(input.path, 'utf8')).toBe(formatRows(expected.map((r) => JSON.stringify(r)), input, 0))
    expect(tablesOf(join(dir, 'calls.sqlite'))).toEqual(tablesBefore)
  })

  it('stores a page that meets another connection’s read lock once the read ends, instead of failing', async () => {
    // A second connection (as the helper's) holds a read transaction open for a moment, in a thread of its own.
    const reader = new Worker(
      `const { DatabaseSync } = require('node:sqlite'); const { parentPort, workerData } = require('node:worker_threads');
       const db = new DatabaseSync(workerData, { readOnly: true }); db.exec('BEGIN'); db.prepare('SELECT count(*) FROM rows').get();
       parentPort.postMessage('locked'); setTimeout(() => { db.exec('COMMIT'); db.close(); parentPort.postMessage('released') }, 300)`,
      { eval: true, workerData: join(dir, 'calls.sqlite') },
    )
    const released = once(reader, 'message').then(() => once(reader, 'message'))
    await once(reader, 'message')
    const started = performance.now()
    expect(db.add(['{"id":"late","n":-1,"who":"late"}'], ['late'])).toBe(1)
    expect(performance.now() - started).toBeGreaterThan(100)
    await released
    await reader.terminate()
  })

  it('drops an order table an export cut short left in a kept file when the file is opened again', async () => {
    const path = join(dir, 'kept.sqlite')
    const kept = new DatasetDb(path, resource, true)
    kept.add(['{"id":"a","n":1,"who":"x"}'], ['a'])
    kept.close(false)
    const other = new DatabaseSync(path)
    other.exec('CREATE TABLE export_7(pos INTEGER PRIMARY KEY, idx INTEGER NOT NULL)')
    other.close()
    expect(tablesOf(path)).toContain('export_7')
    new DatasetDb(path, resource, false).close(false)
    expect(tablesOf(path)).not.toContain('export_7')
  })
})
