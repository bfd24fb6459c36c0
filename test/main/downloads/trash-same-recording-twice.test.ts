// A recording marked for Zoom's trash by two batches (Download selected pressed twice, or from two
// windows) is moved once: a second DELETE of it would be answered as a failure by Zoom, and the
// panel would count one recording as two moves (or one moved and one failed).
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue, serverAndFolderEachTest, trashingRecordingsQueue, trashingSource } from './folder-queue'
import { httpGet } from './http-source'

const recording = (uuid: string, files: string[], url: (file: string) => string) => ({
  uuid,
  id: 1,
  host_email: 'host@example.com',
  topic: 'Topic 1',
  start_time: '2025-02-03T09:00:00Z',
  recording_files: files.map((file) => ({ id: file, file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 3000, download_url: url(file), status: 'completed' })),
})

describe('one recording marked for the trash by two batches', () => {
  const scratch = serverAndFolderEachTest('zc-dl-trash-twice-')

  it('is moved to the trash once, whether the second batch came while it downloaded or after it was moved', async () => {
    const { server, folder } = scratch
    const { queue, recordings, trashed } = trashingRecordingsQueue({ server, folder })
    recordings.add([recording('uuid-A', ['a'], (file) => server.url(file))])
    await queue.enqueue({ datasetId: recordings.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.enqueue({ datasetId: recordings.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    expect(trashed).toEqual(['uuid-A'])
    // Once moved, the same rows asked again do not ask Zoom again either.
    await queue.enqueue({ datasetId: recordings.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    expect(trashed).toEqual(['uuid-A'])
    expect(queue.snapshot().trash).toMatchObject({ trashed: 1, failed: 0, waiting: 0 })
    await queue.shutdown()
  })

  it('keeps in the cloud an earlier batch waiting for other files, and lets the later one decide', async () => {
    const { server, folder } = scratch
    server.files.set('a', { size: 3000 })
    server.files.set('b', { size: 3000 })
    const trashed: string[] = []
    const datasets = new DatasetStore()
    // Nothing downloads until both batches are queued: the earlier one is still waiting then.
    let release = () => {}
    const bothQueued = new Promise<void>((resolve) => (release = resolve))
    const queue = folderQueue({ datasets, folder, source: { ...trashingSource(trashed), open: async (_p, url, options) => bothQueued.then(() => httpGet(url, options)) }, confirm: true })
    // The list loaded again meanwhile: the recording has a second file now.
    const before = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    before.add([recording('uuid-A', ['a'], (file) => server.url(file))])
    const after = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    after.add([recording('uuid-A', ['a', 'b'], (file) => server.url(file))])
    await queue.enqueue({ datasetId: before.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.enqueue({ datasetId: after.id, rowIndexes: [0], trashAfterVerified: true })
    release()
    await queue.whenIdle()
    expect(trashed).toEqual(['uuid-A'])
    expect(queue.snapshot().trash).toMatchObject({ trashed: 1, kept: 1, failed: 0, waiting: 0 })
    await queue.shutdown()
  })
})
