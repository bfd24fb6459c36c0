// A dataset file of the given rows for the export writer's tests: made in a folder of its own
// before a describe block's tests (the dataset's file is `<dir>/calls.sqlite`), closed and deleted
// after them. The rows carry their own `id`, the dataset's key.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import type { StoredResource } from '../../../main/data/datasets/store/protocol'

export function writerDataset(prefix: string, resource: StoredResource, rows: readonly { id: string }[]): { readonly dir: string; readonly file: string; readonly db: DatasetDb } {
  const made: { dir?: string; db?: DatasetDb } = {}
  beforeAll(async () => {
    made.dir = await mkdtemp(join(tmpdir(), prefix))
    made.db = new DatasetDb(join(made.dir, 'calls.sqlite'), resource, true)
    made.db.add(
      rows.map((r) => JSON.stringify(r)),
      rows.map((r) => r.id),
    )
  })
  afterAll(async () => {
    made.db?.close(true)
    if (made.dir) await rm(made.dir, { recursive: true, force: true })
  })
  return {
    get dir() {
      return made.dir as string
    },
    get file() {
      return join(made.dir as string, 'calls.sqlite')
    },
    get db() {
      return made.db as DatasetDb
    },
  }
}
