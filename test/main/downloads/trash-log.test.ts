// Once Zoom has moved a recording to its trash, the queue must say so, even when the line
// for zoom-trash-log.jsonl cannot be written: reporting "failed" makes the person believe the
// recording is still in the cloud while Zoom's trash is counting down its days.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DownloadQueue } from '../../../main/downloads/download-queue'
import { TRASH_LOG_NAME } from '../../../main/downloads/trash-after-download'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { systemClock, systemScheduler } from '../../../main/ports'
import { recordingSink } from '../data/harness'
import { startFileServer } from './file-server'
import { httpGet } from './http-source'

describe('trash log', () => {
  let server: Awaited<ReturnType<typeof startFileServer>>
  let folder: string
  beforeEach(async () => {
    server = await startFileServer()
    folder = await mkdtemp(join(tmpdir(), 'zc-dl-trashlog-'))
  })
  afterEach(async () => {
    await server.close()
    await rm(folder, { recursive: true, force: true })
  })

  it('a recording Zoom trashed counts as trashed when its log line cannot be written', async () => {
    server.files.set('v', { size: 2000 })
    // The log cannot be appended to (here: a folder stands at its name).
    await mkdir(join(folder, TRASH_LOG_NAME))
    const trashed: string[] = []
    const datasets = new DatasetStore()
    const queue = new DownloadQueue({
      source: { open: (_p, url, options) => httpGet(url, options), trash: async (_p, uuid) => void trashed.push(uuid) },
      datasets,
      dialogs: { chooseSaveFile: async () => undefined, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => true },
      shell: { openPath: async () => undefined, openExternal: async () => undefined },
      events: recordingSink(),
      settings: () => ({ downloadConcurrency: 2, downloadFolder: folder }),
      clock: systemClock,
      scheduler: systemScheduler,
      log: createLogger(memoryLogSink(), 'downloads'),
      retryDelayMs: 0,
      stallTimeoutMs: 5000,
    })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([
      {
        uuid: 'uuid-1',
        id: 1,
        host_email: 'host@example.com',
        topic: 'Topic',
        start_time: '2025-02-03T10:00:00Z',
        recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 2000, download_url: server.url('v'), status: 'completed' }],
      },
    ])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    expect(trashed).toEqual(['uuid-1'])
    expect(queue.snapshot().trash).toMatchObject({ trashed: 1, failed: 0 })
    await queue.shutdown()
  })
})
