// The helper threads (an export's formatter, a filter's scanner) open a dataset's file again by its
// path, after the worker checked it: they check its schema again, so a file changed in between (a
// trigger or view added by another program) is refused there too, and never runs.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { openForReading } from '../../../main/data/datasets/store/read-only-open'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

describe("a helper thread's read-only open", () => {
  let root: string
  let engine: DatasetEngine
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-helper-open-'))
    engine = new DatasetEngine()
  })
  afterEach(async () => {
    await engine.stop().catch(() => undefined)
    await rm(root, { recursive: true, force: true })
  })

  /** The path of a kept list's file as the app wrote it. */
  async function appFile(): Promise<string> {
    const files = new DatasetFiles(join(root, 'datasets'))
    const store = new DatasetStore(8, () => undefined, { engine, files }, () => undefined)
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(10))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    return files.kept(dataset.id)
  }

  it('reads a file the app wrote', async () => {
    const db = openForReading(await appFile())
    expect(db.prepare('SELECT count(*) AS n FROM rows').get()).toEqual({ n: 10 })
    db.close()
  })

  it('refuses a file whose schema gained a trigger or a view after the worker opened it', async () => {
    for (const extra of ['CREATE TRIGGER t AFTER INSERT ON meta BEGIN DELETE FROM rows; END', 'CREATE VIEW v AS SELECT * FROM rows']) {
      const path = await appFile()
      const other = new DatabaseSync(path)
      other.exec(extra)
      other.close()
      expect(() => openForReading(path)).toThrow(expect.objectContaining({ code: 'FILE_IO' }))
    }
  })
})
