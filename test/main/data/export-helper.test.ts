// An export longer than one batch is formatted by two threads (the dataset worker and its export
// helper thread): the file must be exactly what one thread writes, in the rows' order, for every
// format and for a sorted view, also when the helper breaks (its batches are written by the worker).
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { formatRows } from '../../../main/data/datasets/store/export-format'
import { ExportHelper } from '../../../main/data/datasets/store/export-helper'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { ExportInput, StoredResource } from '../../../main/data/datasets/store/protocol'

const ROWS = 34_567
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
})
