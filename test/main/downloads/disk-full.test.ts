// A write that fails on this computer (disk full, a folder no longer writable) is not a
// network interruption: it must fail as FILE_IO, not be retried as NETWORK by opening the
// recording at Zoom again and again, and not tell the person "the connection was interrupted".
import { existsSync } from 'node:fs'
import { mkdir, symlink } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue, serverAndFolderEachTest } from './folder-queue'
import { httpDownloadSource } from './http-source'

describe.skipIf(!existsSync('/dev/full'))('a write error on this computer', () => {
  const scratch = serverAndFolderEachTest('zc-dl-full-')

  it('disk full (ENOSPC) fails the file as FILE_IO after one attempt', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 200_000 })
    const target = join(folder, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')
    await mkdir(join(target, '..'), { recursive: true })
    // /dev/full answers every write with ENOSPC: the .part lives on a full disk.
    await symlink('/dev/full', `${target}.part`)
    const datasets = new DatasetStore()
    const source = httpDownloadSource()
    const queue = folderQueue({ datasets, folder, source, maxAttempts: 3 })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([
      {
        uuid: 'uuid-1',
        id: 1,
        host_email: 'host@example.com',
        topic: 'Topic',
        start_time: '2025-02-03T10:00:00Z',
        recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 200_000, download_url: server.url('v'), status: 'completed' }],
      },
    ])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const item = queue.snapshot().items[0]!
    expect(item.state).toBe('failed')
    expect(item.error?.code).toBe('FILE_IO')
    expect(item.error?.message).not.toMatch(/connection/i)
    expect(source.opened).toBe(1)
    await queue.shutdown()
  })
})
