// "Retry all" (downloads.retryAll through the router, as the renderer calls it): every cancelled or
// failed file of the queue goes back in it, a failed one resuming from its .part, and a recording
// marked for Zoom's trash that had a file given up stays in the cloud, however soon the retry came.
import { describe, expect, it } from 'vitest'
import type { DownloadsEnqueued, DownloadsSnapshot } from '../../../common/contract/downloads'
import { createDownloadHandlers } from '../../../main/ipc/handlers/downloads'
import { createRouter, type SenderInfo } from '../../../main/ipc/router'
import type { Handlers } from '../../../main/ipc/types'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import type { DownloadQueue } from '../../../main/downloads/download-queue'
import { serverAndFolderEachTest, trashingRecordingsQueue } from './folder-queue'

const ORIGIN = 'app://zoom-connect'
const trusted: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }

/** The downloads.* channels behind the router that validates every input against the contract. */
function bridgeTo(queue: DownloadQueue) {
  const router = createRouter({ handlers: createDownloadHandlers(queue) as unknown as Handlers, trustedOrigins: [ORIGIN], log: createLogger(memoryLogSink(), 'ipc') })
  return async (channel: string, input?: unknown): Promise<DownloadsSnapshot> => {
    const reply = await router.invoke(channel, trusted, input)
    if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
    return reply.value as DownloadsSnapshot
  }
}

const recording = (uuid: string, id: number, file: string, url: string) => ({
  uuid,
  id,
  host_email: 'host@example.com',
  topic: `Topic ${id}`,
  start_time: '2025-02-03T09:00:00Z',
  recording_files: [{ id: file, file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 3000, download_url: url, status: 'completed' }],
})

const stateOf = (snapshot: DownloadsSnapshot, file: string) => snapshot.items.find((item) => item.relativePath.endsWith(`-${file}.mp4`))?.state

describe('downloads.retryAll', () => {
  const scratch = serverAndFolderEachTest('zc-dl-retry-all-')

  it('refuses any input: the contract takes none', async () => {
    const { queue } = trashingRecordingsQueue({ ...scratch })
    const router = createRouter({ handlers: createDownloadHandlers(queue) as unknown as Handlers, trustedOrigins: [ORIGIN], log: createLogger(memoryLogSink(), 'ipc') })
    expect(await router.invoke('downloads.retryAll', trusted, { ids: ['x'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await queue.shutdown()
  })

  it('takes back every cancelled and failed file, resuming a failed one from its .part, and leaves finished ones alone', async () => {
    const { server, folder } = scratch
    const { queue, recordings, trashed } = trashingRecordingsQueue({ server, folder, maxAttempts: 1 })
    const call = bridgeTo(queue)
    // 'a' breaks off after 1,000 bytes once (one attempt: it fails); 'b' is cancelled; 'c' completes.
    server.files.set('a', { size: 3000, resetAfter: { bytes: 1000, times: 1 } })
    server.files.set('c', { size: 3000 })
    recordings.add([recording('uuid-A', 1, 'a', server.url('a')), recording('uuid-B', 2, 'b', server.url('b')), recording('uuid-C', 3, 'c', server.url('c'))])
    const queued = await call('downloads.enqueue', { datasetId: recordings.id, rowIndexes: [0, 1, 2] })
    const b = queued.items.find((item) => item.relativePath.endsWith('-b.mp4'))!
    await call('downloads.cancel', { id: b.id })
    await queue.whenIdle()
    const stopped = queue.snapshot()
    expect([stateOf(stopped, 'a'), stateOf(stopped, 'b'), stateOf(stopped, 'c')]).toEqual(['failed', 'cancelled', 'done'])
    expect(stopped.items.find((item) => item.state === 'failed')?.received).toBe(1000)

    const retried = await call('downloads.retryAll')
    expect([stateOf(retried, 'a'), stateOf(retried, 'b')].every((state) => state === 'queued' || state === 'downloading')).toBe(true)
    expect(stateOf(retried, 'c')).toBe('done')
    await queue.whenIdle()
    const after = queue.snapshot()
    expect(after.items.map((item) => item.state)).toEqual(['done', 'done', 'done'])
    // 'a' went on from its 1,000 bytes; 'c' was not fetched again.
    expect(server.seen.filter((request) => request.name === 'a').map((request) => request.range)).toEqual([undefined, 'bytes=1000-'])
    expect(server.seen.filter((request) => request.name === 'c')).toHaveLength(1)
    expect(trashed).toEqual([])
    await queue.shutdown()
  })

  it('keeps in the cloud a recording marked for the trash whose file was cancelled, even when Retry all comes at once', async () => {
    const { server, folder } = scratch
    const { queue, recordings, trashed } = trashingRecordingsQueue({ server, folder })
    const call = bridgeTo(queue)
    server.files.set('c', { size: 3000 })
    recordings.add([recording('uuid-A', 1, 'a', server.url('a')), recording('uuid-B', 2, 'b', server.url('b')), recording('uuid-C', 3, 'c', server.url('c'))])
    // Two at a time: 'c' waits in the queue, cancelled before it ever ran, and retried at once.
    const queued = await call('downloads.enqueue', { datasetId: recordings.id, rowIndexes: [0, 1, 2], trashAfterVerified: true })
    const c = queued.items.find((item) => item.relativePath.endsWith('-c.mp4'))!
    expect(c.state).toBe('queued')
    await call('downloads.cancel', { id: c.id })
    await call('downloads.retryAll')
    await queue.whenIdle()
    const after = queue.snapshot()
    expect(after.items.map((item) => item.state)).toEqual(['done', 'done', 'done'])
    // Every file of C is a verified download now, but the person was told a cancelled file keeps it in the cloud.
    expect(trashed.sort()).toEqual(['uuid-A', 'uuid-B'])
    expect(after.trash).toMatchObject({ trashed: 2, kept: 1, waiting: 0 })
    await queue.shutdown()
  })
})

describe('downloads.enqueue says what it added', () => {
  const scratch = serverAndFolderEachTest('zc-dl-enqueue-counts-')

  it('counts the files it queued, and those of a second ask already waiting or downloading', async () => {
    const { server, folder } = scratch
    const { queue, recordings } = trashingRecordingsQueue({ server, folder })
    const call = bridgeTo(queue)
    // 'a' stalls after its first 1,000 bytes, so the first batch is still downloading at the second ask.
    server.files.set('a', { size: 3000, stallAfter: { bytes: 1000, times: 1 } })
    server.files.set('b', { size: 3000 })
    recordings.add([recording('uuid-A', 1, 'a', server.url('a')), recording('uuid-B', 2, 'b', server.url('b'))])
    const first = (await call('downloads.enqueue', { datasetId: recordings.id, rowIndexes: [0] })) as DownloadsEnqueued
    expect([first.queued, first.alreadyQueued]).toEqual([1, 0])
    const second = (await call('downloads.enqueue', { datasetId: recordings.id, rowIndexes: [0, 1] })) as DownloadsEnqueued
    expect([second.queued, second.alreadyQueued]).toEqual([1, 1])
    expect(second.items).toHaveLength(2)
    await queue.shutdown()
  })
})
