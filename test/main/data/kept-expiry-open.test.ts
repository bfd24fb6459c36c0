// Expiry runs whenever the kept lists are shown (and when Settings shortens it). A kept
// list open in the grid at that moment is in use: it goes once it is closed, not under the person.
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 0, 20)

describe('expiry of kept datasets', () => {
  let root: string
  let backend: DatasetBackend
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-expiry-'))
    backend = { engine: new DatasetEngine(), files: new DatasetFiles(join(root, 'datasets')) }
  })
  afterAll(async () => {
    await backend.engine.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('does not delete a kept dataset that is open, and deletes it once it is closed', async () => {
    const store = new DatasetStore(8, () => undefined, backend)
    const dataset = store.create('p1', usersResource, NOW - 5 * DAY)
    await dataset.add(syntheticUsers(30))
    await store.keep(dataset.id, NOW - 5 * DAY)
    await store.close(dataset.id)
    // The person opens it; while they look at it, the kept lists are shown again with a 3-day expiry.
    const opened = await store.openKept(dataset.id)
    await store.listKept({ expiryDays: 3, now: NOW })
    expect(store.has(dataset.id)).toBe(true)
    expect((await opened.window({ offset: 0, limit: 5, columns: ['id'] })).rows).toHaveLength(5)

    await store.close(dataset.id)
    expect(await store.listKept({ expiryDays: 3, now: NOW })).toEqual([])
    expect(existsSync(backend.files.kept(dataset.id))).toBe(false)
  })

  it('expires the kept lists even when another document’s set-aside copy cannot be removed now', async () => {
    // A copy of a damaged history.json locked by another program (Windows): tried again next time.
    const stuck = { expire: () => Promise.reject(Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' })) }
    const store = new DatasetStore(8, () => undefined, backend, () => undefined, stuck)
    const dataset = store.create('p1', usersResource, NOW - 5 * DAY)
    await dataset.add(syntheticUsers(10))
    await store.keep(dataset.id, NOW - 5 * DAY)
    await store.close(dataset.id)
    expect(await store.listKept({ expiryDays: 3, now: NOW })).toEqual([])
    expect(existsSync(backend.files.kept(dataset.id))).toBe(false)
  })
})
