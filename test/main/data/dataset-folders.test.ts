// The dataset folders themselves. Start-up empties datasets/open/ and every dataset is
// made in it; the folders are promised 0700. A folder that is there already — with a wider mode
// (restored from a backup, made by hand or by another tool) or as a symlink to another folder —
// must not widen who can list the datasets, nor make start-up delete files outside the data folder.
import { existsSync } from 'node:fs'
import { chmod, lstat, mkdir, mkdtemp, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

describe('the dataset folders', () => {
  let root: string
  const backends: DatasetBackend[] = []
  const startApp = (folder: string) => {
    const backend = { engine: new DatasetEngine(), files: new DatasetFiles(join(folder, 'datasets')) }
    backends.push(backend)
    return { store: new DatasetStore(8, () => undefined, backend), files: backend.files }
  }
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-folders-'))
  })
  afterAll(async () => {
    for (const backend of backends) await backend.engine.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('makes folders that were there with a wider mode 0700 again', async () => {
    const dataDir = join(root, 'wide')
    await mkdir(join(dataDir, 'datasets', 'open'), { recursive: true, mode: 0o755 })
    await mkdir(join(dataDir, 'datasets', 'kept'), { recursive: true, mode: 0o755 })
    await chmod(join(dataDir, 'datasets', 'open'), 0o755)
    await chmod(join(dataDir, 'datasets', 'kept'), 0o755)
    const { store, files } = startApp(dataDir)
    await store.start()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(5))
    expect((await stat(files.openDir)).mode & 0o777).toBe(0o700)
    expect((await stat(files.keptDir)).mode & 0o777).toBe(0o700)
    await store.shutdown()
  })

  it('does not empty another folder that datasets/open points to', async () => {
    const dataDir = join(root, 'linked')
    const elsewhere = join(root, 'documents')
    await mkdir(elsewhere, { recursive: true })
    await writeFile(join(elsewhere, 'precious.txt'), 'the person’s own file')
    await mkdir(join(dataDir, 'datasets'), { recursive: true })
    await symlink(elsewhere, join(dataDir, 'datasets', 'open'))
    const { store, files } = startApp(dataDir)
    await store.start()
    expect(existsSync(join(elsewhere, 'precious.txt'))).toBe(true)
    // And the datasets are made in a folder of the app's own, not in the folder linked to.
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(5))
    expect((await lstat(files.openDir)).isSymbolicLink()).toBe(false)
    expect(existsSync(join(elsewhere, `${dataset.id}.sqlite`))).toBe(false)
    await store.shutdown()
  })
})
