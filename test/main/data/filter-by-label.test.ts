// A grid filter finds a coded value by the name the grid shows for it: "missed" finds Zoom's
// call_result no_answer (shown "Missed (no answer)"), in the text filter and in that column's own.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'

const calls = LIST_RESOURCES['phone.callHistory']
const labels: Record<string, Readonly<Record<string, string>>> = {}
for (const column of calls.defaultColumns) if (column.valueLabels) labels[column.path] = column.valueLabels
const resource: StoredResource = { id: calls.id, idKeys: calls.idKeys, columns: calls.defaultColumns.map((c) => c.path), valueLabels: labels }
const RESULTS = ['answered', 'no_answer', 'voicemail', 'no_answer', 'hang_up', 'answered']

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-filter-label-'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

it('finds no_answer calls by "missed" in the text filter and in the Result column filter, and still by the code', () => {
  const db = new DatasetDb(join(dir, 'calls.sqlite'), resource, true)
  try {
    db.addRows(RESULTS.map((result, i) => ({ id: `c${i}`, call_result: result, direction: i % 2 ? 'inbound' : 'outbound', caller_name: `Caller ${i}` })))
    const missed = Uint32Array.from([1, 3])
    expect(db.select({ filter: { text: 'Missed' } })).toEqual(missed)
    expect(db.select({ filter: { columns: { call_result: 'missed' } } })).toEqual(missed)
    expect(db.select({ filter: { columns: { call_result: 'no_ans' } } })).toEqual(missed)
    // A name's match stays within its column: Direction's names say nothing of missed calls.
    expect(db.select({ filter: { columns: { direction: 'missed' } } })).toEqual(new Uint32Array())
    expect(db.select({ filter: { columns: { direction: 'Inbound', call_result: 'missed' } } })).toEqual(missed)
  } finally {
    db.close(true)
  }
})
