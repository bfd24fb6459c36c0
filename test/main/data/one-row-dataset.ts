// A dataset file holding one row, for tests that only need the export helper to read something:
// the helper reads the rows it formats from the file itself.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import type { ExportSource } from '../../../main/data/datasets/store/export-source'

export function oneRowDataset(): { source: ExportSource; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'zc-one-row-'))
  const path = join(dir, 'one.sqlite')
  const db = new DatasetDb(path, { id: 'one', idKeys: ['id'], columns: ['a'], valueLabels: {} }, true)
  db.add(['{"id":"r1","a":1}'], ['r1'])
  db.close(false)
  return { source: { path, order: undefined, length: 1 }, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
