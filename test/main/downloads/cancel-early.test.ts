// A Cancel that comes while a file's run is still checking the disk (isComplete, the first
// step of every transfer) must end as cancelled, with no .part left behind.
import { existsSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue, serverAndFolderEachTest } from './folder-queue'
import { expectedBytes } from './file-server'
import { httpDownloadSource } from './http-source'

describe('cancel at the start of a run', () => {
  const scratch = serverAndFolderEachTest('zc-dl-cancel-')

  it('a file cancelled right after it was queued ends cancelled, not paused, and its .part is removed', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 50_000 })
    const target = join(folder, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')
    // A .part from an earlier run, as after a restart.
    await mkdir(join(target, '..'), { recursive: true })
    await writeFile(`${target}.part`, expectedBytes('v', 50_000).subarray(0, 10_000))
    const datasets = new DatasetStore()
    const source = httpDownloadSource()
    const queue = folderQueue({ datasets, folder, source })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([
      {
        uuid: 'uuid-1',
        id: 1,
        host_email: 'host@example.com',
        topic: 'Topic',
        start_time: '2025-02-03T10:00:00Z',
        recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 50_000, download_url: server.url('v'), status: 'completed' }],
      },
    ])
    const { items } = await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    // The run has started (pump ran inside enqueue) and is awaiting its first stat of the disk.
    expect(queue.cancel(items[0]!.id).items[0]!.state).toBe('cancelled')
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('cancelled')
    expect(existsSync(`${target}.part`)).toBe(false)
    expect(existsSync(target)).toBe(false)
    await queue.shutdown()
  })
})
