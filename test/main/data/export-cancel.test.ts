// A long export says how far it got as it goes, and stops when cancelled: by the person (its
// call's signal), or because its list is closed. A cancelled export leaves neither the file nor
// its part, and the dataset stays usable.
//
// To cancel at a known point, a thread of the test holds an exclusive lock on the dataset's file:
// the worker's export says it has begun (no rows written) and then waits to read its first batch.
// The test sends the Cancel and only then lets go of the lock; the worker reads its messages
// between batches, so the Cancel is seen before the export can end, however fast the machine.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../common/errors'
import { Dataset, defaultBackend } from '../../../main/data/datasets/dataset'
import { ExportHelper, type HelperExport } from '../../../main/data/datasets/store/export-helper'
import { writeExport } from '../../../main/data/datasets/store/export-writer'
import type { ExportInput, ExportRowsWritten, StoredResource } from '../../../main/data/datasets/store/protocol'
import { exportDataset } from '../../../main/data/export/export-dataset'
import type { DialogPort } from '../../../main/ports'
import { syntheticUsers, usersResource } from './fixtures'
import { writerDataset } from './writer-dataset'
import { holdLock } from './file-lock'
import { openHandlesOf } from './open-handles'

/** Five batches of the writer's 2,500 rows, less some: the last batch is a short one. */
const ROWS = 12_000
const clock = { now: () => Date.UTC(2026, 11, 7) }

function saveTo(path: string): DialogPort {
  return { chooseSaveFile: async () => path, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }
}

describe('the export writer: progress and Cancel', () => {
  const resource: StoredResource = { id: 'calls', idKeys: ['id'], columns: ['n', 'who'], valueLabels: {} }
  /** Sixteen batches: Cancel lands while the helper thread has batches under way. */
  const count = 40_000
  const rows = Array.from({ length: count }, (_, i) => ({ id: `c${i}`, n: (i * 7919) % count, who: `caller ${i % 7}` }))

  const calls = writerDataset('zc-export-cancel-', resource, rows)

  it('says how far it got after each batch written, from none to every row of the view (not of the dataset)', async () => {
    const seen: ExportRowsWritten[] = []
    const input: ExportInput = { path: join(calls.dir, 'sorted.csv'), mode: 0o600, format: 'csv', columns: ['n', 'who'], filter: { columns: { who: 'caller 1' } }, sort: { column: 'n', direction: 'desc' } }
    const total = rows.filter((r) => r.who === 'caller 1').length
    expect(total).toBeLessThan(count)
    const written = await writeExport(calls.db, input, { between: async () => undefined, progress: (progress) => seen.push(progress) })
    expect(written).toBe(total)
    expect(seen[0]).toEqual({ written: 0, total })
    expect(seen.at(-1)).toEqual({ written: total, total })
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.written).toBeGreaterThan(seen[i - 1]!.written)

    const whole: ExportRowsWritten[] = []
    await writeExport(calls.db, { path: join(calls.dir, 'all.ndjson'), mode: 0o600, format: 'ndjson' }, { between: async () => undefined, progress: (progress) => whole.push(progress) })
    // A step at least every batch written: the first, the batches between, the last.
    expect(whole.length).toBeGreaterThanOrEqual(3)
    expect(whole.map((progress) => progress.total)).toEqual(whole.map(() => count))
    expect(whole.at(-1)?.written).toBe(count)
  })

  it('stops at the next batch once cancelled, with the reason given, and lets go of the file and its helper thread', async () => {
    const stop = new AbortController()
    const reason = new AppError('CANCELLED', 'Cancelled.')
    const seen: ExportRowsWritten[] = []
    const helpers: ExportHelper[] = []
    const input: ExportInput = { path: join(calls.dir, 'cancelled.ndjson'), mode: 0o600, format: 'ndjson' }
    const running = writeExport(calls.db, input, {
      between: async () => undefined,
      signal: stop.signal,
      progress: (progress) => {
        seen.push(progress)
        // Once a helper has started (from the second batch): it must be stopped too.
        if (progress.written > 2_500) stop.abort(reason)
      },
      helper: (task: HelperExport) => {
        const helper = new ExportHelper(task)
        helpers.push(helper)
        return helper
      },
    })
    await expect(running).rejects.toBe(reason)
    // Nothing more was written after the step that cancelled.
    expect(seen.at(-1)!.written).toBeGreaterThan(2_500)
    expect(seen.at(-1)!.written).toBeLessThan(count)
    const lines = (await readFile(input.path, 'utf8')).split('\n').length - 1
    expect(lines).toBe(seen.at(-1)!.written)
    expect(openHandlesOf(input.path)).toBe(0)
    // The helper thread has ended (and its connection to the dataset's file with it: export-helper.test.ts).
    expect(helpers).toHaveLength(1)
    await expect(helpers[0]!.format(0, 1)).rejects.toMatchObject({ code: 'INTERNAL' })
  })
})

describe('an export through the dataset worker: progress and Cancel', () => {
  let dir: string
  let dataset: Dataset
  const users = syntheticUsers(ROWS)

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-export-cancel-'))
    dataset = new Dataset('export-cancel', 'p', usersResource, 0)
    await dataset.add(users)
  })
  afterAll(async () => {
    await dataset.close()
    await rm(dir, { recursive: true, force: true })
  })

  /**
   * Holds an exclusive lock on the dataset's file once its thread is idle (its columns extracted, no
   * view left to make, which would meet the lock first), so its next export stops at its first read.
   */
  async function lockWhenIdle(of: Dataset, id: string) {
    await of.select({ sort: { column: 'email', direction: 'asc' } })
    return holdLock(defaultBackend().files.temporary(id), 'BEGIN EXCLUSIVE')
  }

  it('a Cancel stops an export under way: CANCELLED, naming the file, and neither the file nor its part is left', async () => {
    const target = join(dir, 'users.csv')
    const lock = await lockWhenIdle(dataset, 'export-cancel')
    const stop = new AbortController()
    const seen: ExportRowsWritten[] = []
    const running = exportDataset({ dialogs: saveTo(target), clock }, dataset, { format: 'csv' }, {
      signal: stop.signal,
      progress: (progress) => {
        seen.push(progress)
        if (stop.signal.aborted) return
        // The export has begun and waits for the lock: cancel, then let it read on.
        stop.abort(new AppError('CANCELLED', 'Cancelled.'))
        lock.release()
      },
    })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: `Export cancelled; nothing was written to ${target}.` })
    await lock.stop()
    expect(seen[0]).toEqual({ written: 0, total: ROWS })
    expect(await readdir(dir)).toEqual([])

    // The dataset is whole and exports again.
    const again = await exportDataset({ dialogs: saveTo(target), clock }, dataset, { format: 'ndjson', columns: ['id'] })
    expect(again).toMatchObject({ path: target, rows: ROWS })
    expect((await readFile(target, 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(users.map((user) => user.id))
    await rm(target)
  })

  it('closing its list stops an export under way instead of waiting for it, and the list’s file goes', async () => {
    const closing = new Dataset('export-close', 'p', usersResource, 0)
    await closing.add(users)
    const file = defaultBackend().files.temporary('export-close')
    expect(existsSync(file)).toBe(true)
    const target = join(dir, 'closed.csv')
    const lock = await lockWhenIdle(closing, 'export-close')
    let closed: Promise<void> | undefined
    const running = exportDataset({ dialogs: saveTo(target), clock }, closing, { format: 'csv' }, {
      progress: () => {
        if (closed) return
        closed = closing.close()
        lock.release()
      },
    })
    await expect(running).rejects.toMatchObject({ code: 'CANCELLED', message: `Export cancelled; nothing was written to ${target}. Its list was closed.` })
    await closed
    await lock.stop()
    expect(existsSync(file)).toBe(false)
    expect(await readdir(dir)).toEqual([])
  })
})
