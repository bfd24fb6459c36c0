// Datasets are Zoom user data on disk: a temporary file deleted on close, with its connection,
// and at the next start when the app ended without closing it; a kept dataset only by choice,
// private to the account, surviving a restart until it expires or "Clear kept data".
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles, processDatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.UTC(2026, 0, 20)

describe('dataset files', () => {
  let root: string
  const backends: DatasetBackend[] = []
  /** A fresh store on the same folder: what the next start of the app sees. */
  const startApp = () => {
    const backend = { engine: new DatasetEngine(), files: new DatasetFiles(join(root, 'datasets')) }
    backends.push(backend)
    return new DatasetStore(8, () => undefined, backend)
  }
  const files = () => new DatasetFiles(join(root, 'datasets'))

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-dataset-files-'))
  })
  afterAll(async () => {
    for (const backend of backends) await backend.engine.stop()
    await rm(root, { recursive: true, force: true })
  })

  it('makes a temporary file only this account can read, and deletes it when the dataset closes', async () => {
    const store = startApp()
    await store.start()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(50))
    const path = files().temporary(dataset.id)
    expect(existsSync(path)).toBe(true)
    expect((await stat(path)).mode & 0o777).toBe(0o600)
    expect((await stat(files().openDir)).mode & 0o777).toBe(0o700)
    await store.close(dataset.id)
    expect(await readdir(files().openDir)).toEqual([])
  })

  it('deletes at start-up what a run that ended without closing left behind', async () => {
    const crashed = startApp()
    const dataset = crashed.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(20))
    await writeFile(join(files().openDir, 'stray.sqlite-journal'), 'x')
    // The app ends without closing anything: the worker just stops.
    await backends.at(-1)!.engine.stop()
    expect((await readdir(files().openDir)).length).toBeGreaterThan(0)
    await startApp().start()
    expect(await readdir(files().openDir)).toEqual([])
  })

  it('keeps a dataset across a restart, with its rows, completeness and crawl, until it expires', async () => {
    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW - 2 * DAY)
    const users = syntheticUsers(300)
    await dataset.add(users)
    dataset.crawl = { resource: 'users', params: { status: 'active' } }
    dataset.setCompleteness(['1 list failed: pending'])
    const kept = await store.keep(dataset.id, NOW)
    expect(kept).toMatchObject({ datasetId: dataset.id, profileId: 'p1', resource: 'users', rows: 300, createdAt: NOW - 2 * DAY, keptAt: NOW, complete: false, missing: ['1 list failed: pending'], refreshable: true })
    expect(existsSync(files().temporary(dataset.id))).toBe(false)
    expect((await stat(files().kept(dataset.id))).mode & 0o777).toBe(0o600)
    // Closing a kept dataset leaves its file.
    await store.close(dataset.id)
    expect(existsSync(files().kept(dataset.id))).toBe(true)
    await backends.at(-1)!.engine.stop()

    const next = startApp()
    const listed = await next.listKept({ expiryDays: 30, now: NOW })
    expect(listed).toEqual([kept])
    const reopened = await next.openKept(dataset.id)
    expect(await reopened.info()).toMatchObject({ datasetId: dataset.id, rows: 300, complete: false, missing: ['1 list failed: pending'], keptAt: NOW })
    const window = await reopened.window({ offset: 0, limit: 3, columns: ['id'], sort: { column: 'id', direction: 'desc' } })
    expect(window.rows.map((row) => row.cells[0])).toEqual(users.map((u) => u.id).sort().reverse().slice(0, 3))
    expect(next.keptMeta(dataset.id).crawl).toEqual({ resource: 'users', params: { status: 'active' } })
    await next.close(dataset.id)

    // Two days old: still there with a 3-day expiry, gone with a 1-day one.
    expect(await next.listKept({ expiryDays: 3, now: NOW })).toHaveLength(1)
    expect(await next.listKept({ expiryDays: 1, now: NOW })).toEqual([])
    expect(existsSync(files().kept(dataset.id))).toBe(false)
  })

  it('"Clear kept data" and deleting a connection remove its kept and open datasets', async () => {
    const store = startApp()
    const ids: string[] = []
    for (const profileId of ['p1', 'p1', 'p2']) {
      const dataset = store.create(profileId, usersResource, NOW)
      await dataset.add(syntheticUsers(10))
      await store.keep(dataset.id, NOW)
      ids.push(dataset.id)
    }
    const open = store.create('p1', usersResource, NOW)
    await open.add(syntheticUsers(10))

    await store.forgetProfile('p1')
    expect(store.has(open.id)).toBe(false)
    expect(await readdir(files().openDir)).toEqual([])
    expect((await store.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([ids[2]])

    expect(await store.clearKept()).toBe(1)
    expect(await readdir(files().keptDir)).toEqual([])
    expect(await store.listKept({ expiryDays: 30, now: NOW })).toEqual([])
  })

  it('deletes every temporary file when the app shuts down, and leaves kept ones', async () => {
    const store = startApp()
    const temporary = store.create('p1', usersResource, NOW)
    const kept = store.create('p1', usersResource, NOW)
    await temporary.add(syntheticUsers(10))
    await kept.add(syntheticUsers(10))
    await store.keep(kept.id, NOW)
    await store.shutdown()
    expect(await readdir(files().openDir)).toEqual([])
    expect(await readdir(files().keptDir)).toEqual([`${kept.id}.sqlite`])
  })

  it('removes the folders that killed test processes left in the temporary folder, and only theirs', async () => {
    const base = join(root, 'tmp')
    // A process that has ended (its id is not reused this soon) and one that still runs.
    const ended = spawn(process.execPath, ['-e', ''])
    await once(ended, 'exit')
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
    try {
      const folder = (pid: number | undefined) => join(base, `zoom-connect-datasets-${pid}`)
      for (const pid of [ended.pid, running.pid]) {
        await mkdir(join(folder(pid), 'open'), { recursive: true })
        await writeFile(join(folder(pid), 'open', 'left.sqlite'), 'rows')
      }
      await mkdir(join(base, 'zoom-connect-datasets-notes'), { recursive: true })
      processDatasetFiles(base)
      expect(existsSync(folder(ended.pid))).toBe(false)
      expect(existsSync(join(folder(running.pid), 'open', 'left.sqlite'))).toBe(true)
      expect(existsSync(join(base, 'zoom-connect-datasets-notes'))).toBe(true)
    } finally {
      running.kill()
    }
  })
})
