// The worker threads as the app ships them: electron-vite's out/main/dataset-worker.js, which
// starts out/main/export-helper-thread.js for an export longer than one batch. Each must be an
// entry beside index.js for the other to find it (store/thread-script.ts); this runs the built
// files, not the TypeScript sources the unit tests run.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetEngine } from '../../main/data/datasets/store/dataset-engine'

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
    for (const name of ['index.js', 'dataset-worker.js', 'export-helper-thread.js']) expect(existsSync(join(built, name)), name).toBe(true)
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
