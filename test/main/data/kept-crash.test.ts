// A kept list must survive the app ending in the middle of a write to it (a Refresh's pages, an
// export's order table): the file opened again is whole, with the rows it had before the write.
// A process writing many rows in one transaction is killed as soon as the write's journal
// appears beside the file (so part-way through); the journal also shows that the write could be
// rolled back at all (a journal kept in memory dies with the process).
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { watch } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { DatabaseSync } from 'node:sqlite'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DatasetDb } from '../../../main/data/datasets/store/dataset-db'

const CHILD = fileURLToPath(new URL('./kept-write-child.ts', import.meta.url))
const BEFORE = 1_000

describe('a kept list written when the app ends', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-kept-crash-'))
  })
  afterAll(() => rm(dir, { recursive: true, force: true }))

  it('is whole when opened again: the half-done write is rolled back from its journal', async () => {
    const path = join(dir, 'kept.sqlite')
    const made = new DatasetDb(path, { id: 'calls', idKeys: ['id'], columns: ['n'], valueLabels: {} }, true)
    made.add(
      Array.from({ length: BEFORE }, (_, i) => JSON.stringify({ id: `c${i}`, n: i })),
      Array.from({ length: BEFORE }, (_, i) => `id:c${i}`),
    )
    made.close(false)

    const watcher = watch(dir)
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path, '300000'], { stdio: ['ignore', 'pipe', 'inherit'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    let journalSeen = false
    watcher.on('change', (_event, name) => {
      if (String(name) !== 'kept.sqlite-journal' || journalSeen) return
      journalSeen = true
      child.kill('SIGKILL')
    })
    await once(child, 'exit')
    watcher.close()

    expect(journalSeen, 'the write kept a journal on disk').toBe(true)
    const db = new DatabaseSync(path)
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' })
      const rows = Number(db.prepare('SELECT count(*) AS n FROM rows').get()?.n)
      // Killed part-way: the rows it had. (Had the write finished first, all of them.)
      expect(rows).toBe(output.includes('done') ? BEFORE + 300_000 : BEFORE)
    } finally {
      db.close()
    }
  })
})
