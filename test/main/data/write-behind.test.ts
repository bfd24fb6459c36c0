// A dataset's writes are handed to the disk as they come (store/write-behind.ts): a sync starts
// once the oldest write not yet synced is old enough, one at a time, on the file where it is now;
// the file is synced through one handle held until the dataset closes (closing a handle would drop
// SQLite's locks), and a file removed meanwhile is no error.
import { mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'
import { HeldFile, WriteBehind, WRITE_BEHIND_MS } from '../../../main/data/datasets/store/write-behind'
import { openHandlesOf } from './open-handles'

const dir = mkdtempSync(join(tmpdir(), 'zc-write-behind-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A sync that records each path it is given and ends when the test says so. */
function heldSyncs() {
  const started: string[] = []
  const finish: (() => void)[] = []
  return {
    started,
    file: {
      sync: (path: string) => {
        started.push(path)
        return new Promise<void>((resolve) => finish.push(resolve))
      },
      close: () => undefined,
    },
    finishAll: () => finish.splice(0).forEach((done) => done()),
  }
}

describe('WriteBehind', () => {
  it('syncs once the oldest unsynced write is old enough, not before', () => {
    let now = 0
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { now: () => now, afterMs: 1000, file: syncs.file })
    behind.wrote()
    now = 999
    behind.wrote()
    expect(syncs.started).toEqual([])
    now = 1000
    behind.wrote()
    expect(syncs.started).toEqual(['/data/a.sqlite'])
  })

  it('runs one sync at a time, and counts the age of writes made during one from their own time', async () => {
    let now = 0
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { now: () => now, afterMs: 1000, file: syncs.file })
    behind.wrote()
    now = 1000
    behind.wrote()
    now = 1500
    behind.wrote() // the oldest unsynced write from now on
    now = 5000
    behind.wrote()
    expect(syncs.started).toHaveLength(1)
    syncs.finishAll()
    await behind.settled()
    now = 5001
    behind.wrote()
    expect(syncs.started).toHaveLength(2)
    // Written at 5,001 and synced at once: the next write starts a new wait.
    syncs.finishAll()
    await behind.settled()
    now = 5500
    behind.wrote()
    now = 6499
    behind.wrote()
    expect(syncs.started).toHaveLength(2)
  })

  it('syncs the file where it is when the sync starts (a kept dataset was moved)', () => {
    let now = 0
    let path = '/tmp/temporary.sqlite'
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => path, { now: () => now, afterMs: 10, file: syncs.file })
    behind.wrote()
    path = '/data/kept.sqlite'
    now = 10
    behind.wrote()
    expect(syncs.started).toEqual(['/data/kept.sqlite'])
  })

  it('settled() waits for the sync under way', async () => {
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { now: () => 0, afterMs: 0, file: syncs.file })
    behind.wrote()
    let settled = false
    const waiting = behind.settled().then(() => (settled = true))
    await Promise.resolve()
    expect(settled).toBe(false)
    syncs.finishAll()
    await waiting
    expect(settled).toBe(true)
  })

  it('waits a second by default', () => {
    expect(WRITE_BEHIND_MS).toBe(1000)
    let now = 0
    const syncs = heldSyncs()
    const behind = new WriteBehind(() => '/data/a.sqlite', { now: () => now, file: syncs.file })
    behind.wrote()
    now = WRITE_BEHIND_MS - 1
    behind.wrote()
    expect(syncs.started).toHaveLength(0)
    now = WRITE_BEHIND_MS
    behind.wrote()
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

  it('hands its inserts and its column writes to the disk, on the file where it is', async () => {
    const path = join(dir, 'people.sqlite')
    const syncs = heldSyncs()
    let now = 0
    const db = new DatasetDb(path, resource, true, { now: () => now, afterMs: 100, file: syncs.file })
    try {
      db.add(['{"id":"a","name":"Ann"}'], ['a'])
      expect(syncs.started).toEqual([])
      now = 100
      db.add(['{"id":"b","name":"Bo"}'], ['b'])
      expect(syncs.started).toEqual([path])
      syncs.finishAll()
      await db.syncEnded()

      // The columns the grid sorts on are written later, a slice at a time: those writes count too.
      now = 200
      expect(db.extracting).toBe(true)
      db.extract(1)
      now = 300
      db.extract(1)
      expect(syncs.started).toHaveLength(2)
      syncs.finishAll()
      await db.syncEnded()

      const kept = join(dir, 'kept.sqlite')
      db.move(kept)
      now = 400
      db.add(['{"id":"c","name":"Cy"}'], ['c'])
      now = 500
      db.add(['{"id":"d","name":"Di"}'], ['d'])
      expect(syncs.started.at(-1)).toBe(kept)
      syncs.finishAll()
    } finally {
      await db.syncEnded()
      db.close(true)
    }
  })

  it.runIf(process.platform === 'linux')('syncs through one handle of its own, let go of when the dataset closes', async () => {
    const path = join(dir, 'held.sqlite')
    let now = 0
    const db = new DatasetDb(path, resource, true, { now: () => now, afterMs: 10 })
    const sqliteHandles = openHandlesOf(path)
    db.add(['{"id":"a","name":"Ann"}'], ['a'])
    now = 10
    db.add(['{"id":"b","name":"Bo"}'], ['b'])
    await db.syncEnded()
    now = 20
    db.add(['{"id":"c","name":"Cy"}'], ['c'])
    now = 30
    db.add(['{"id":"d","name":"Di"}'], ['d'])
    await db.syncEnded()
    expect(openHandlesOf(path)).toBe(sqliteHandles + 1)
    db.close(false)
    expect(openHandlesOf(path)).toBe(0)
    rmSync(path)
  })
})
