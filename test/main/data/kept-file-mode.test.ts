// A kept list's rows are the account's users and calls: its file is 0600 like every file the app
// writes. One found wider at start-up (restored from a backup, copied with the umask's 0644) is
// narrowed when it is read, not left readable by every account on the computer for its 30 days.
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)
let root: string
const backends: DatasetBackend[] = []
const startApp = () => {
  const backend = { engine: new DatasetEngine(), files: new DatasetFiles(join(root, 'datasets')) }
  backends.push(backend)
  return new DatasetStore(8, () => undefined, backend)
}
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zc-kept-mode-'))
})
afterAll(async () => {
  for (const backend of backends) await backend.engine.stop().catch(() => undefined)
  await rm(root, { recursive: true, force: true })
})

it.skipIf(process.platform === 'win32')('narrows a kept file found 0644 to 0600 at start-up, and still lists it', async () => {
  const store = startApp()
  const dataset = store.create('p1', usersResource, NOW)
  await dataset.add(syntheticUsers(10))
  await store.keep(dataset.id, NOW)
  await store.shutdown()
  const path = new DatasetFiles(join(root, 'datasets')).kept(dataset.id)
  await chmod(path, 0o644)

  const next = startApp()
  expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([dataset.id])
  await next.shutdown()
  expect((await stat(path)).mode & 0o777).toBe(0o600)
})
