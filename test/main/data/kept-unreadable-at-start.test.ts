// At start-up the kept datasets are read (their facts) to be listed. A file that cannot
// be read *this time* — the datasets' thread could not start, another program holds the file — is
// still the person's kept data: it must not be deleted as "not a dataset of ours".
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

describe('reading the kept datasets at start-up', () => {
  let root: string
  const backends: DatasetBackend[] = []
  const startApp = (engine = new DatasetEngine()) => {
    const backend = { engine, files: new DatasetFiles(join(root, 'datasets')) }
    backends.push(backend)
    return new DatasetStore(8, () => undefined, backend)
  }
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-start-'))
  })
  afterAll(async () => {
    for (const backend of backends) await backend.engine.stop().catch(() => undefined)
    await rm(root, { recursive: true, force: true })
  })

  it('leaves a kept dataset on disk when the datasets’ thread cannot read it this time', async () => {
    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(40))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    const path = new DatasetFiles(join(root, 'datasets')).kept(dataset.id)
    expect(existsSync(path)).toBe(true)

    // A start where the thread does not run (its script missing after a broken update, no memory for a thread…).
    const broken = startApp(new DatasetEngine(pathToFileURL(join(root, 'no-such-worker.js'))))
    await broken.start()
    expect(existsSync(path)).toBe(true)

    // The next start that works lists it again.
    const next = startApp()
    expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([dataset.id])
    await next.shutdown()
  })
  it('still deletes a kept file that is not a database, and "Clear kept data" removes one it could not read', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    await startApp().start()
    await writeFile(files.kept('not-a-database'), 'these bytes are no SQLite file')
    await startApp().start()
    expect(existsSync(files.kept('not-a-database'))).toBe(false)

    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(5))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    const broken = startApp(new DatasetEngine(pathToFileURL(join(root, 'no-such-worker.js'))))
    expect(await broken.clearKept()).toBeGreaterThan(0)
    expect(await readdir(files.keptDir)).toEqual([])
  })
})
