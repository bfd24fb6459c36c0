// A kept dataset's file is read at start-up and opened when the person opens the list. A file put
// in `datasets/kept/` by hand (restored from somewhere, planted) is SQL the app did not write: a
// `rows` that is a view with an endless recursive query stalls the datasets' thread at its first
// count, and a trigger runs its own statements at the app's next write. Such a file is treated as
// a damaged kept file: moved aside, reported, not listed, never run.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoreProblem } from '../../../common/contract/app'
import type { DatasetBackend } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DatasetEngine } from '../../../main/data/datasets/store/dataset-engine'
import { DatasetFiles } from '../../../main/data/datasets/store/dataset-files'
import { syntheticUsers, usersResource } from './fixtures'

const NOW = Date.UTC(2026, 0, 20)

describe('a kept file whose schema is not the app’s', () => {
  let root: string
  const backends: DatasetBackend[] = []
  const problems: StoreProblem[] = []
  const files = () => new DatasetFiles(join(root, 'datasets'))
  const startApp = () => {
    const backend = { engine: new DatasetEngine(), files: files() }
    backends.push(backend)
    return new DatasetStore(8, () => undefined, backend, (problem) => problems.push(problem))
  }
  /** A list kept by a run that then ended, changed afterwards by `change` (another program). */
  const keptThenChanged = async (change: (db: DatabaseSync) => void) => {
    const store = startApp()
    const dataset = store.create('p1', usersResource, NOW)
    await dataset.add(syntheticUsers(20))
    await store.keep(dataset.id, NOW)
    await store.shutdown()
    const db = new DatabaseSync(files().kept(dataset.id))
    change(db)
    db.close()
    return dataset.id
  }
  const expectSetAside = async (id: string) => {
    problems.length = 0
    const next = startApp()
    expect(await next.listKept({ expiryDays: 30, now: NOW })).toEqual([])
    await next.shutdown()
    expect(existsSync(files().kept(id))).toBe(false)
    expect((await readdir(files().keptDir)).filter((name) => name.startsWith(`${id}.sqlite.corrupt-`))).toHaveLength(1)
    expect(problems).toEqual([expect.objectContaining({ file: files().kept(id), reason: expect.stringMatching(/^A kept list could not be read/) })])
    await startApp().clearKept()
  }
  // A data folder per test: a file one test leaves behind is read by every later start.
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'zc-kept-schema-'))
  })
  afterEach(async () => {
    for (const backend of backends.splice(0)) await backend.engine.stop().catch(() => undefined)
    await rm(root, { recursive: true, force: true })
  })

  it('sets aside one whose rows are a view that never ends, without running it', { timeout: 20_000 }, async () => {
    const id = await keptThenChanged((db) =>
      db.exec(`
        DROP TABLE rows;
        CREATE VIEW rows AS WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n) SELECT i AS idx, '{}' AS json FROM n;
      `),
    )
    await expectSetAside(id)
  })

  it('sets aside one that carries a trigger', async () => {
    const id = await keptThenChanged((db) =>
      db.exec(`
        CREATE TABLE planted(at TEXT);
        CREATE TRIGGER meta_written AFTER UPDATE ON meta BEGIN INSERT INTO planted VALUES (datetime('now')); END;
      `),
    )
    await expectSetAside(id)
  })

  it('sets aside one with a table of its own, or a table of the app’s name in another shape', async () => {
    const extra = await keptThenChanged((db) => db.exec('CREATE TABLE notes(text TEXT)'))
    await expectSetAside(extra)
    expect(await readdir(files().keptDir)).toEqual([])
    const reshaped = await keptThenChanged((db) =>
      db.exec(`
        DROP TABLE search;
        CREATE TABLE search(idx INTEGER PRIMARY KEY, text TEXT NOT NULL CHECK (length(text) >= 0));
      `),
    )
    await expectSetAside(reshaped)
  })

  it('still lists a kept file the app made, with its extra columns and a leftover export order', async () => {
    const id = await keptThenChanged((db) => db.exec('CREATE TABLE export_7(pos INTEGER PRIMARY KEY, idx INTEGER NOT NULL)'))
    const next = startApp()
    expect((await next.listKept({ expiryDays: 30, now: NOW })).map((k) => k.datasetId)).toEqual([id])
    const dataset = await next.openKept(id)
    expect(await dataset.availableColumns()).toEqual(expect.arrayContaining(['email']))
    await next.shutdown()
  })
})
