// At start-up the kept datasets are read (their facts) to be listed. A file that cannot
// be read *this time* — the datasets' thread could not start, another program holds the file — is
// still the person's kept data: it must not be deleted as "not a dataset of ours". A damaged one is
// set aside and reported, and one found readable by others is narrowed to 0600.
import { existsSync } from 'node:fs'
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoreProblem } from '../../../common/contract/app'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

describe('reading the kept datasets at start-up', () => {
  let root: string
  const backends: DatasetBackend[] = []
  const problems: StoreProblem[] = []
  const startApp = (engine = new DatasetEngine()) => {
    const backend = { engine, files: new DatasetFiles(join(root, 'datasets')) }
    backends.push(backend)
    return new DatasetStore(8, () => undefined, backend, (problem) => problems.push(problem))
  }
  /** A list of `count` users, kept, by a run that then ends. */
  const keptList = async (count: number) => {
    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(count))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    return dataset
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
  it('moves a kept file that is not a database aside, and "Clear kept data" removes it and one it could not read', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    await startApp().start()
    await writeFile(files.kept('not-a-database'), 'these bytes are no SQLite file')
    problems.length = 0
    await startApp().start()
    expect(existsSync(files.kept('not-a-database'))).toBe(false)
    const aside = (await readdir(files.keptDir)).filter((name) => name.startsWith('not-a-database.sqlite.corrupt-'))
    expect(aside).toHaveLength(1)
    // The person is told, with the app's other unreadable files, where it went and when it goes.
    expect(problems).toEqual([{ file: files.kept('not-a-database'), movedTo: join(files.keptDir, aside[0]!), reason: expect.stringMatching(/^A kept list could not be read .*deleted when kept lists expire/), at: expect.any(String) }])

    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(5))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    const broken = startApp(new DatasetEngine(pathToFileURL(join(root, 'no-such-worker.js'))))
    expect(await broken.clearKept()).toBeGreaterThan(1)
    expect(await readdir(files.keptDir)).toEqual([])
  })

  it('moves a damaged kept dataset aside with its bytes (cut short, or emptied), and the other kept lists still load', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    const store = startApp()
    const made = []
    for (const count of [2000, 2000, 30]) {
      const dataset = store.create('p1', usersResource, NOW)
      await dataset.add(syntheticUsers(count))
      await store.keep(dataset.id, NOW)
      made.push(dataset.id)
    }
    await store.shutdown()
    const [cut, emptied, whole] = made as [string, string, string]
    await truncate(files.kept(cut), Math.floor((await stat(files.kept(cut))).size / 2))
    const cutBytes = await readFile(files.kept(cut))
    await truncate(files.kept(emptied), 0)

    const next = startApp()
    expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([whole])
    await next.shutdown()
    const names = await readdir(files.keptDir)
    const cutAside = names.filter((name) => name.startsWith(`${cut}.sqlite.corrupt-`))
    expect(cutAside).toHaveLength(1)
    expect(await readFile(join(files.keptDir, cutAside[0]!))).toEqual(cutBytes)
    expect(names.filter((name) => name.startsWith(`${emptied}.sqlite.corrupt-`))).toHaveLength(1)
    expect(await startApp().clearKept()).toBe(3)
  })

  it('moves aside, never deletes as expired, a kept dataset whose stored facts have the wrong types', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    const dataset = await keptList(10)
    // An edit by another tool: the crawl's time written as a date, not the milliseconds the app stores.
    const db = new DatabaseSync(files.kept(dataset.id))
    const meta = JSON.parse(String(db.prepare("SELECT value FROM meta WHERE key = 'dataset'").get()?.value)) as Record<string, unknown>
    db.prepare("UPDATE meta SET value = ? WHERE key = 'dataset'").run(JSON.stringify({ ...meta, createdAt: '2026-01-20' }))
    db.close()

    const next = startApp()
    expect(await next.listKept({ expiryDays: 30, now: NOW })).toEqual([])
    await next.shutdown()
    expect((await readdir(files.keptDir)).filter((name) => name.startsWith(`${dataset.id}.sqlite.corrupt-`))).toHaveLength(1)
    expect(await startApp().clearKept()).toBe(1)
  })

  it('lists the kept datasets when a folder stands where a kept file would be', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    const dataset = await keptList(10)
    await mkdir(files.kept('a-folder'))

    const next = startApp()
    expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([dataset.id])
    await next.shutdown()
    expect(existsSync(files.kept(dataset.id))).toBe(true)
    expect(await startApp().clearKept()).toBe(2)
    expect(await readdir(files.keptDir)).toEqual([])
  })

  it('deletes a set-aside kept file with the kept lists’ expiry, by the age of its rows', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    await startApp().start()
    const old = join(files.keptDir, 'old.sqlite.corrupt-2025-01-01T000000.000Z')
    const recent = join(files.keptDir, 'recent.sqlite.corrupt-2026-01-19T000000.000Z')
    await writeFile(old, 'rows of long ago')
    await writeFile(recent, 'rows of yesterday')
    const DAY = 24 * 60 * 60 * 1000
    await utimes(old, new Date(NOW - 31 * DAY), new Date(NOW - 31 * DAY))
    await utimes(recent, new Date(NOW - DAY), new Date(NOW - DAY))
    const store = startApp()
    await store.listKept({ expiryDays: 30, now: NOW })
    expect(existsSync(old)).toBe(false)
    expect(existsSync(recent)).toBe(true)
    await store.clearKept()
    expect(existsSync(recent)).toBe(false)
  })

  it('Clear kept data removes a set-aside kept file’s journal with it', async () => {
    const files = new DatasetFiles(join(root, 'datasets'))
    await startApp().start()
    // What setting aside a damaged file with a rollback journal beside it leaves (moveAside's names).
    for (const name of ['damaged.sqlite.corrupt-2026-01-19T000000.000Z', 'damaged.sqlite-journal.corrupt-2026-01-19T000000.000Z']) {
      await writeFile(join(files.keptDir, name), 'rows of a damaged kept list')
    }
    // One list went, whatever its journal.
    expect(await startApp().clearKept()).toBe(1)
    expect(await readdir(files.keptDir)).toEqual([])
  })

  // A kept list's rows are the account's users and calls: its file is 0600 like every file the app
  // writes. One found wider at start-up (restored from a backup, copied with the umask's 0644) is
  // narrowed when it is read, not left readable by every account on the computer for its 30 days.
  it.skipIf(process.platform === 'win32')('narrows a kept file found 0644 to 0600 at start-up, and still lists it', async () => {
    const dataset = await keptList(10)
    const path = new DatasetFiles(join(root, 'datasets')).kept(dataset.id)
    await chmod(path, 0o644)

    const next = startApp()
    expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([dataset.id])
    await next.shutdown()
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })
})
