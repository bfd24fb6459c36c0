// "Move to Zoom's trash after download" must never trash a recording with a file that was
// not downloaded. A file still processing has no download_url yet; it is left out of the plan,
// and the recording (every file of it, the processing one included) must then stay in the cloud.
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue, serverAndFolderEachTest, trashingSource } from './folder-queue'

describe('trash after verified', () => {
  const scratch = serverAndFolderEachTest('zc-dl-trash-')

  it('keeps a recording in the cloud when one of its files is still processing (no download_url yet)', async () => {
    const { server, folder } = scratch
    server.files.set('video', { size: 5000 })
    const trashed: string[] = []
    const datasets = new DatasetStore()
    const queue = folderQueue({ datasets, folder, source: trashingSource(trashed), confirm: true })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([
      {
        uuid: 'uuid-1',
        id: 1,
        host_email: 'host@example.com',
        topic: 'Board meeting',
        start_time: '2025-02-03T10:00:00Z',
        recording_files: [
          { id: 'video', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 5000, download_url: server.url('video'), status: 'completed' },
          // Zoom is still producing the transcript: no download_url yet.
          { id: 'transcript', file_type: 'TRANSCRIPT', file_extension: 'VTT', recording_type: 'audio_transcript', status: 'processing' },
        ],
      },
    ])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done'])
    // The transcript was never downloaded: trashing the recording would lose it.
    expect(trashed).toEqual([])
    await queue.shutdown()
  })
})
