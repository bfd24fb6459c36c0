// A write that fails on this computer (disk full, a folder no longer writable) is not a
// network interruption: it must fail as FILE_IO, not be retried as NETWORK by opening the
// recording at Zoom again and again, and not tell the person "the connection was interrupted".
import { existsSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import type * as NoFollow from '../../../main/downloads/no-follow'

// A full disk without a full disk: the .part the transfer opens is /dev/full, which answers every
// write with ENOSPC. (A symlink to it would no longer do: downloads refuse links, no-follow.ts.)
vi.mock('../../../main/downloads/no-follow', async (importOriginal) => {
  const actual = await importOriginal<typeof NoFollow>()
  return {
    ...actual,
    openNoFollow: (path: string, how: NoFollow.OpenHow, mode?: number) => (path.endsWith('.part') ? open('/dev/full', 'w') : actual.openNoFollow(path, how, mode)),
  }
})

const { LIST_RESOURCES } = await import('../../../common/zoom/catalog')
const { DatasetStore } = await import('../../../main/data/datasets/dataset-store')
const { folderQueue, serverAndFolderEachTest } = await import('./folder-queue')
const { httpDownloadSource } = await import('./http-source')

describe.skipIf(!existsSync('/dev/full'))('a write error on this computer', () => {
  const scratch = serverAndFolderEachTest('zc-dl-full-')

  it('disk full (ENOSPC) fails the file as FILE_IO after one attempt', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 200_000 })
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
