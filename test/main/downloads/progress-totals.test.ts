// The queue's progress never shows more received than there is to receive — neither for
// a file Zoom listed without a file_size, nor for a file whose body ran past its file_size (its
// .part is deleted, so nothing of it is on disk any more).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue } from './folder-queue'
import type { DownloadSource } from '../../../main/downloads/source'

describe('download progress', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'zc-dl-progress-'))
  })
  afterEach(() => rm(folder, { recursive: true, force: true }))

  // A server answering 200 with no Content-Length (chunked), `bytes` long.
  const source = (bytes: number): DownloadSource => ({ open: async () => ({ status: 200, headers: {}, body: Readable.from([Buffer.alloc(bytes, 1)]) }) })

  function queueWith(src: DownloadSource) {
    const datasets = new DatasetStore()
    const queue = folderQueue({ datasets, folder, source: src })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    return { queue, d }
  }
  const row = (fileSize: number | undefined) => ({
    uuid: 'uuid-1',
    id: 1,
    host_email: 'host@example.com',
    topic: 'Topic',
    start_time: '2025-02-03T10:00:00Z',
    recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', download_url: 'https://zoom.us/rec/download/v', status: 'completed', ...(fileSize === undefined ? {} : { file_size: fileSize }) }],
  })

  it('a file listed without file_size: received never exceeds the total', async () => {
    const { queue, d } = queueWith(source(5000))
    d.add([row(undefined)])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const snapshot = queue.snapshot()
    expect(snapshot.items[0]!.state).toBe('done')
    expect(snapshot.receivedBytes).toBeLessThanOrEqual(snapshot.totalBytes)
    await queue.shutdown()
  })

  it('a body longer than file_size: the failed file does not count bytes that were deleted', async () => {
    const { queue, d } = queueWith(source(1200))
    d.add([row(1000)])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const snapshot = queue.snapshot()
    expect(snapshot.items[0]).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_SIZE_MISMATCH' } })
    expect(snapshot.items[0]!.received).toBeLessThanOrEqual(snapshot.items[0]!.fileSize)
    expect(snapshot.receivedBytes).toBeLessThanOrEqual(snapshot.totalBytes)
    await queue.shutdown()
  })
})
