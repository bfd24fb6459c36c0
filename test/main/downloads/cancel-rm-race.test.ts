// Cancel on a queued file deletes its .part without waiting for the deletion; a Retry (or
// the same rows enqueued again) right after starts a transfer that can resume from that .part
// while it is being deleted (a slow disk, an antivirus scan). The resumed bytes (Range 10000-)
// then land at offset 0 of a new .part, the next attempt appends the rest, and the file is
// completed, "verified" by its size, with the wrong bytes.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

import type * as FsPromises from 'node:fs/promises'

// The order is set by the test, no sleeps: the Cancel's deletion of the .part waits until the test
// releases it; if a new run has already begun measuring the disk by then, the deletion waits until
// that run has measured the .part, and the run's request waits until the deletion is done.
const probe: { release?: () => void; pending?: Promise<void>; finalStatted: boolean; partStatted?: () => void } = { finalStatted: false }
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return {
    ...actual,
    // The transfer measures its files with lstat (a link there is refused, never measured through).
    lstat: async (...args: Parameters<typeof actual.lstat>) => {
      const path = String(args[0])
      if (path.endsWith('.mp4')) probe.finalStatted = true
      try {
        return await actual.lstat(...args)
      } finally {
        if (path.endsWith('.part')) probe.partStatted?.()
      }
    },
    rm: (path: string, options?: Parameters<typeof actual.rm>[1]) => {
      if (typeof path === 'string' && path.endsWith('.part') && probe.pending === undefined) {
        const measured = new Promise<void>((resolve) => (probe.partStatted = resolve))
        probe.pending = new Promise<void>((resolve) => (probe.release = resolve))
          .then(() => (probe.finalStatted ? measured : undefined))
          .then(() => actual.rm(path, options))
        return probe.pending
      }
      return actual.rm(path, options)
    },
  }
})

const { LIST_RESOURCES } = await import('../../../common/zoom/catalog')
const { DatasetStore } = await import('../../../main/data/datasets/dataset-store')
const { folderQueue, serverAndFolderEachTest } = await import('./folder-queue')
const { expectedBytes } = await import('./file-server')
const { httpGet } = await import('./http-source')

describe('retry right after cancelling a queued file', () => {
  const scratch = serverAndFolderEachTest('zc-dl-rmrace-')

  it('never completes a file from bytes written at the wrong offset', async () => {
    const { server, folder } = scratch
    const SIZE = 30_000
    server.files.set('v', { size: SIZE })
    const target = join(folder, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')
    await mkdir(join(target, '..'), { recursive: true })
    await writeFile(`${target}.part`, expectedBytes('v', SIZE).subarray(0, 10_000))
    let concurrency = 0
    const datasets = new DatasetStore()
    const queue = folderQueue({
      datasets,
      folder,
      source: {
        open: async (_p, url, options) => {
          await probe.pending
          return httpGet(url, options)
        },
      },
      concurrency: () => concurrency,
    })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([
      {
        uuid: 'uuid-1',
        id: 1,
        host_email: 'host@example.com',
        topic: 'Topic',
        start_time: '2025-02-03T10:00:00Z',
        recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: SIZE, download_url: server.url('v'), status: 'completed' }],
      },
    ])
    // Queued, not started (no slot free).
    const { items } = await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    expect(items[0]!.state).toBe('queued')
    queue.cancel(items[0]!.id)
    concurrency = 1
    await queue.retry(items[0]!.id)
    probe.release!()
    await queue.whenIdle()
    const state = queue.snapshot().items[0]!.state
    expect(state).toBe('done')
    expect((await readFile(target)).equals(expectedBytes('v', SIZE))).toBe(true)
    await queue.shutdown()
  })
})
