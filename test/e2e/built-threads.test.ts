// The worker threads as the app ships them: electron-vite's out/main/dataset-worker.js, which
// starts out/main/export-helper-thread.js for an export longer than one batch and
// out/main/scan-helper-thread.js for a filter of a big dataset. Each must be an entry beside
// index.js for the others to find it (store/thread-script.ts); this runs the built files, not the
// TypeScript sources the unit tests run.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatabaseSync } from 'node:sqlite'
import { DatasetEngine } from '../../main/data/datasets/store/dataset-engine'
import { scanThroughHelper } from '../main/data/scan-through-helper'
import { baseTablesSql, columnTableSql } from '../../main/data/datasets/store/dataset-schema'

const built = resolve(import.meta.dirname, '../../out/main')
const ROWS = 25_000

describe('the built worker threads', () => {
  let dir: string
  let engine: DatasetEngine
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-built-threads-'))
    engine = new DatasetEngine(pathToFileURL(join(built, 'dataset-worker.js')))
  })
  afterAll(async () => {
    await engine.stop()
    await rm(dir, { recursive: true, force: true })
  })

  it('are entries beside index.js', () => {
    for (const name of ['index.js', 'dataset-worker.js', 'export-helper-thread.js', 'scan-helper-thread.js']) expect(existsSync(join(built, name)), name).toBe(true)
  })

  it('answer a shared scan’s chunks from the built scan helper', async () => {
    const path = join(dir, 'scan.sqlite')
    const reference = new DatabaseSync(path)
    try {
      // A dataset's file as the app makes it: the helper reads only a file whose schema is the app's.
      reference.exec(`${baseTablesSql()};\n${columnTableSql(1)}`)
      reference.prepare('WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?1) INSERT INTO col_1(idx, k) SELECT i, ?2 || i FROM n').run(ROWS, 'name ')
      const sql = 'SELECT json_group_array(s0.idx ORDER BY s0.idx) AS json FROM col_1 AS s0 WHERE instr(coalesce(s0.t, s0.k), ?) > 0 AND s0.idx >= ? AND s0.idx < ?'
      const chunks: [number, number][] = [[0, 10_000], [10_000, ROWS]]
      const replies = await scanThroughHelper({ url: pathToFileURL(join(built, 'scan-helper-thread.js')), execArgv: [] }, { path, sql, params: ['7'], rows: ROWS }, chunks)
      expect(replies).toEqual(chunks.map(([from, to], chunk) => ({ id: 1, chunk, json: String(reference.prepare(sql).get('7', from, to)?.json) })))
      expect((JSON.parse((replies[1] as { json: string }).json) as number[]).length).toBeGreaterThan(0)
    } finally {
      reference.close()
    }
  })

  it('store rows and export more than one batch of them through the helper thread', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => ({ id: `r${i}`, name: `name ${i}` }))
    await engine.call('d1', { op: 'open', path: join(dir, 'd1.sqlite'), create: true, resource: { id: 'users', idKeys: ['id'], columns: ['name'], valueLabels: {} } })
    expect(await engine.call('d1', { op: 'add', rows: rows.map((row) => JSON.stringify(row)), keys: rows.map((row) => row.id) })).toEqual({ added: ROWS, rows: ROWS })
    const path = join(dir, 'all.csv')
    expect(await engine.call('d1', { op: 'export', input: { path, mode: 0o600, format: 'csv', columns: ['id', 'name'] } })).toEqual({ rows: ROWS })
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n')
    expect(lines).toHaveLength(ROWS + 1)
    expect(lines[0]).toBe('"id","name"')
    expect(lines.slice(1)).toEqual(rows.map((row) => `"${row.id}","${row.name}"`))
  })
})
