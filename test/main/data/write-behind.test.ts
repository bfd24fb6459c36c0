// A dataset's writes are handed to the disk as they come (store/write-behind.ts): a sync starts a
// set time after the first write not yet synced, one at a time across datasets, on the file where
// it is now; the file is synced through one handle held until the dataset closes (closing a handle
// would drop SQLite's locks), and a file removed meanwhile is no error.
import { mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { HeldFile, WriteBehind, WRITE_BEHIND_MS } from '../../../main/data/datasets/store/write-behind'
import { openHandlesOf } from './open-handles'

const dir = mkdtempSync(join(tmpdir(), 'zc-write-behind-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every held sync of the tests: all are let go after each test, since syncs run one at a time across files. */
const everyHeld: { finishAll: () => void }[] = []
afterEach(async () => {
  for (const held of everyHeld) held.finishAll()
  await new Promise((resolve) => setImmediate(resolve))
})

/** A file whose syncs record the path they are given and end when the test says so. */
function heldSyncs() {
  const started: string[] = []
  const finish: (() => void)[] = []
  const counts = { closed: 0 }
  const held = {
    started,
    file: {
      sync: (path: string) => {
        started.push(path)
        return new Promise<void>((resolve) => finish.push(resolve))
      },
      close: () => void counts.closed++,
    },
    get closed() {
      return counts.closed
    },
    finishAll: () => finish.splice(0).forEach((done) => done()),
  }
  everyHeld.push(held)
  return held
}

describe('WriteBehind', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => {
    vi.useRealTimers()
  })

  it('syncs a set time after the first unsynced write, whatever comes after it', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { afterMs: 1000, file: syncs.file })
    behind.wrote()
    await vi.advanceTimersByTimeAsync(600)
    behind.wrote()
    await vi.advanceTimersByTimeAsync(399)
    expect(syncs.started).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(syncs.started).toEqual(['/data/a.sqlite'])
  })

  it('syncs the last writes before a pause too, once', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { afterMs: 1000, file: syncs.file })
    behind.wrote()
    await vi.advanceTimersByTimeAsync(5000)
    expect(syncs.started).toHaveLength(1)
    syncs.finishAll()
    await vi.advanceTimersByTimeAsync(5000)
    expect(syncs.started).toHaveLength(1)
  })

  it('gives writes made during a sync a sync of their own after it', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { afterMs: 1000, file: syncs.file })
    behind.wrote()
    await vi.advanceTimersByTimeAsync(1000)
    behind.wrote()
    await vi.advanceTimersByTimeAsync(3000)
    expect(syncs.started).toHaveLength(1)
    syncs.finishAll()
    await vi.advanceTimersByTimeAsync(999)
    expect(syncs.started).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(syncs.started).toHaveLength(2)
  })

  it('runs one sync at a time across datasets', async () => {
    const syncs = heldSyncs()
    const a = new WriteBehind(() => '/data/a.sqlite', { afterMs: 10, file: syncs.file })
    const b = new WriteBehind(() => '/data/b.sqlite', { afterMs: 10, file: syncs.file })
    a.wrote()
    b.wrote()
    await vi.advanceTimersByTimeAsync(10)
    expect(syncs.started).toEqual(['/data/a.sqlite'])
    syncs.finishAll()
    await a.settled()
    await vi.advanceTimersByTimeAsync(0)
    expect(syncs.started).toEqual(['/data/a.sqlite', '/data/b.sqlite'])
    syncs.finishAll()
    await b.settled()
  })

  it('syncs the file where it is when the sync starts (a kept dataset was moved)', async () => {
    let path = '/tmp/temporary.sqlite'
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => path, { afterMs: 10, file: syncs.file })
    behind.wrote()
    path = '/data/kept.sqlite'
    await vi.advanceTimersByTimeAsync(10)
    expect(syncs.started).toEqual(['/data/kept.sqlite'])
    syncs.finishAll()
    await behind.settled()
  })

  it('settled() waits for the sync under way', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { afterMs: 0, file: syncs.file })
    behind.wrote()
    await vi.advanceTimersByTimeAsync(0)
    expect(syncs.started).toHaveLength(1)
    let settled = false
    const waiting = behind.settled().then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    syncs.finishAll()
    await waiting
    expect(settled).toBe(true)
  })

  it('does nothing once closed, and lets go of the file', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { afterMs: 10, file: syncs.file })
    behind.wrote()
    behind.close()
    behind.wrote()
    await vi.advanceTimersByTimeAsync(1000)
    expect(syncs.started).toEqual([])
    expect(syncs.closed).toBe(1)
  })

  it('waits a second by default', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { file: syncs.file })
    behind.wrote()
    await vi.advanceTimersByTimeAsync(WRITE_BEHIND_MS - 1)
    expect(syncs.started).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(syncs.started).toHaveLength(1)
  })
})

describe.runIf(process.platform === 'linux')('HeldFile', () => {
  it('opens the file once, at its first sync, syncs through that handle, and holds it until closed', async () => {
    const path = join(dir, 'held.bin')
    writeFileSync(path, 'rows')
    const synced: number[] = []
    const file = new HeldFile(async (fd) => void synced.push(fd))
    expect(openHandlesOf(path)).toBe(0)
    await file.sync(path)
    await file.sync(path)
    expect(openHandlesOf(path)).toBe(1)
    expect(synced).toHaveLength(2)
    expect(readlinkSync(`/proc/self/fd/${synced[0]}`)).toBe(path)
    expect(synced[1]).toBe(synced[0])
    file.close()
    expect(openHandlesOf(path)).toBe(0)
    expect(file.held).toBe(false)
  })

  it('shrugs off a file removed before its first sync (a dataset closed meanwhile)', async () => {
    const file = new HeldFile()
    await expect(file.sync(join(dir, 'gone.sqlite'))).resolves.toBeUndefined()
    expect(file.held).toBe(false)
  })
})


describe('DatasetDb writes behind', () => {
  const resource = { id: 'people', idKeys: ['id'], columns: ['name'], valueLabels: {} }

  /** `write`, then the sync it sets off once its time has come. */
  async function syncedAfter(db: DatasetDb, syncs: ReturnType<typeof heldSyncs>, write: () => unknown): Promise<void> {
    const before = syncs.started.length
    write()
    await vi.advanceTimersByTimeAsync(100)
    expect(syncs.started).toHaveLength(before + 1)
    syncs.finishAll()
    await db.syncEnded()
  }

  it('hands every kind of write to the disk, on the file where it is', async () => {
    vi.useFakeTimers()
    const path = join(dir, 'people.sqlite')
    const syncs = heldSyncs()
    const db = new DatasetDb(path, resource, true, { writeBehind: { afterMs: 100, file: syncs.file } })
    try {
      await syncedAfter(db, syncs, () => db.add(['{"id":"a","name":"Ann","team":{"name":"x"}}', '{"id":"b","name":"Bo","team":{"name":"y"}}'], ['a', 'b']))
      expect(syncs.started).toEqual([path])
      // The columns the grid sorts on, written later a slice at a time.
      expect(db.extracting).toBe(true)
      await syncedAfter(db, syncs, () => db.extract(1))
      await syncedAfter(db, syncs, () => db.extract(100))
      expect(db.extracting).toBe(false)
      // A column extracted from every row the first time a sort needs it.
      await syncedAfter(db, syncs, () => db.window({ offset: 0, limit: 10, columns: ['name', 'team.name'], sort: { column: 'team.name', direction: 'asc' } }))
      // The search text made the first time a search needs it.
      await syncedAfter(db, syncs, () => db.search('ann', 10))
      // An export's order, filled into a table of the file.
      const exported = { release: () => undefined as void }
      await syncedAfter(db, syncs, () => Object.assign(exported, db.exportSource({ sort: { column: 'name', direction: 'desc' } })))
      exported.release()
      await syncedAfter(db, syncs, () => db.setMeta(db.readMeta() ?? ({} as never)))

      const kept = join(dir, 'kept.sqlite')
      db.move(kept)
      await syncedAfter(db, syncs, () => db.add(['{"id":"c","name":"Cy"}'], ['c']))
      expect(syncs.started.at(-1)).toBe(kept)
    } finally {
      vi.useRealTimers()
      await db.syncEnded()
      db.close(true)
    }
  })

  it.runIf(process.platform === 'linux')('syncs through one handle of its own, let go of right after SQLite’s when the dataset closes', async () => {
    const path = join(dir, 'held.sqlite')
    const db = new DatasetDb(path, resource, true, { writeBehind: { afterMs: 0 } })
    const sqliteHandles = openHandlesOf(path)
    /** A write, then the sync it sets off (on a later turn). */
    const writeAndSync = async (id: string) => {
      db.add([`{"id":"${id}"}`], [id])
      await new Promise((resolve) => setTimeout(resolve, 5))
      await db.syncEnded()
    }
    await writeAndSync('a')
    await writeAndSync('b')
    expect(openHandlesOf(path)).toBe(sqliteHandles + 1)
    db.close(false)
    expect(openHandlesOf(path)).toBe(0)
    rmSync(path)
  })
})
