// Exporting the grid's selection in the dataset worker: only the selected rows, in the view's
// order, through the same order table as a sorted or filtered export (so progress and Cancel work
// the same); a selection naming a row the dataset lacks is refused before any file is made.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { Dataset } from '../../../main/data/datasets/dataset'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { ExportInput, ExportRowsWritten, StoredResource } from '../../../main/data/datasets/store/protocol'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { DialogPort } from '../../../main/ports'
import { writerDataset } from './writer-dataset'
import { parseCsv } from './csv-parse'
import { syntheticUsers, usersResource } from './fixtures'

describe('the export writer with a selection', () => {
  const resource: StoredResource = { id: 'calls', idKeys: ['id'], columns: ['n', 'who'], valueLabels: {} }
  const count = 20_000
  // `n` is a permutation of the indexes, so a sort by it is not dataset order.
  const rows = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, n: (i * 7919) % count, who: `caller ${i % 7}` }))
  const between = async () => undefined

  const calls = writerDataset('zc-export-selected-', resource, rows)

  const idsIn = async (path: string) => (await readFile(path, 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)
  /** The export order tables left in the dataset's file (each export drops its own). */
  const orderTables = () => {
    const reader = new DatabaseSync(calls.file, { readOnly: true })
    try {
      return reader.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'export_%'").all().length
    } finally {
      reader.close()
    }
  }

  it('writes exactly the selected rows, in the sort’s order, whatever order they were selected in', async () => {
    const selected = [17, 3, 19_999, 0, 4_242, 3]
    const input: ExportInput = { path: join(calls.dir, 'sorted.ndjson'), mode: 0o600, format: 'ndjson', columns: ['id', 'n'], sort: { column: 'n', direction: 'desc' }, rowIndexes: selected }
    const seen: ExportRowsWritten[] = []
    expect(await writeExport(calls.db, input, { between, progress: (progress) => seen.push(progress) })).toBe(5)
    const expected = [...new Set(selected)].map((i) => rows[i]!).sort((a, b) => b.n - a.n)
    expect(await idsIn(input.path)).toEqual(expected.map((r) => r.id))
    expect(seen[0]).toEqual({ written: 0, total: 5 })
    expect(orderTables()).toBe(0)
  })

  it('without a sort, in dataset order; with a filter, the selected rows it passes', async () => {
    const plain: ExportInput = { path: join(calls.dir, 'plain.ndjson'), mode: 0o600, format: 'ndjson', columns: ['id'], rowIndexes: [9, 2, 5] }
    expect(await writeExport(calls.db, plain, { between })).toBe(3)
    expect(await idsIn(plain.path)).toEqual(['c2', 'c5', 'c9'])

    const filtered: ExportInput = { path: join(calls.dir, 'filtered.ndjson'), mode: 0o600, format: 'ndjson', columns: ['id'], filter: { columns: { who: 'caller 2' } }, rowIndexes: [1, 2, 9, 10] }
    expect(await writeExport(calls.db, filtered, { between })).toBe(2)
    expect(await idsIn(filtered.path)).toEqual(['c2', 'c9'])
  })

  it('refuses a selection naming a row the dataset lacks: VALIDATION, no file, no order table', async () => {
    const input: ExportInput = { path: join(calls.dir, 'unknown.csv'), mode: 0o600, format: 'csv', columns: ['id'], sort: { column: 'n', direction: 'asc' }, rowIndexes: [1, count] }
    await expect(writeExport(calls.db, input, { between })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(existsSync(input.path)).toBe(false)
    expect(orderTables()).toBe(0)
  })

  it('a long selection says how far it got and stops at the next batch once cancelled', async () => {
    // Every third row: several batches of the writer's 2,500.
    const selected = rows.map((_, i) => i).filter((i) => i % 3 === 0)
    const stop = new AbortController()
    const reason = new AppError('CANCELLED', 'Cancelled.')
    const seen: ExportRowsWritten[] = []
    const input: ExportInput = { path: join(calls.dir, 'cancelled.ndjson'), mode: 0o600, format: 'ndjson', sort: { column: 'n', direction: 'asc' }, rowIndexes: selected }
    const running = writeExport(calls.db, input, {
      between,
      signal: stop.signal,
      progress: (progress) => {
        seen.push(progress)
        if (progress.written > 0) stop.abort(reason)
      },
    })
    await expect(running).rejects.toBe(reason)
    expect(seen[0]).toEqual({ written: 0, total: selected.length })
    expect(seen.at(-1)!.written).toBeLessThan(selected.length)
    const lines = (await readFile(input.path, 'utf8')).split('\n').length - 1
    expect(lines).toBe(seen.at(-1)!.written)
    expect(orderTables()).toBe(0)
  })
})

describe('exportDataset with a selection', () => {
  let dir: string
  let dataset: Dataset
  const users = syntheticUsers(300)
  const clock = { now: () => Date.UTC(2026, 0, 5) }
  const asked: string[] = []
  const saveTo = (path: string): DialogPort => ({
    chooseSaveFile: async (options) => {
      asked.push(options.defaultName)
      return path
    },
    chooseOpenFile: async () => undefined,
    chooseFolder: async () => undefined,
    confirm: async () => false,
  })

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-selected-main-'))
    dataset = new Dataset('export-selected', 'p', usersResource, 0)
    await dataset.add(users)
  })
  afterAll(async () => {
    await dataset.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('the file holds exactly the selected rows, sorted as the grid is, in the chosen columns, even those the filter hides', async () => {
    const target = join(dir, 'five.csv')
    const selected = [250, 4, 99, 17, 180]
    // A filter no selected row passes: the selection is what the person chose, so it is exported whole.
    const filter = { text: 'no row has this text' }
    const result = await exportDataset({ dialogs: saveTo(target), clock }, dataset, { format: 'csv', columns: ['id', 'email'], sort: { column: 'email', direction: 'asc' }, filter, rowIndexes: selected })
    expect(result).toMatchObject({ path: target, rows: 5 })
    const expected = selected.map((i) => users[i]!).sort((a, b) => (a.email.toLowerCase() < b.email.toLowerCase() ? -1 : 1))
    expect(parseCsv(await readFile(target, 'utf8'))).toEqual([['User ID', 'Email'], ...expected.map((u) => [u.id, u.email])])
  })

  it('refuses an index the list lacks as VALIDATION before asking where, and writes nothing', async () => {
    asked.length = 0
    const target = join(dir, 'stale.ndjson')
    await expect(exportDataset({ dialogs: saveTo(target), clock }, dataset, { format: 'ndjson', rowIndexes: [0, users.length] })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(asked).toEqual([])
    expect((await readdir(dir)).filter((name) => name.startsWith('stale'))).toEqual([])
  })
})
