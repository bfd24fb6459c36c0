// Two instances of one recurring meeting (or a personal meeting room) share the meeting id
// and usually the topic; on the same day they share a folder. Their files must still get names of
// their own, or one instance's file is taken for the other's: it is "skipped" as already complete,
// and with "move to trash after download" the second recording is trashed without ever being saved.
import { describe, expect, it } from 'vitest'
import { serverAndFolderEachTest, trashingRecordingsQueue } from './folder-queue'
import { planRecordingFiles, relativePathOf } from '../../../main/downloads/layout'

// Two instances of meeting 85746352143 on one day; their files carry no id of their own.
const instance = (uuid: string, start: string, url: string, fileId?: string) => ({
  uuid,
  id: 85746352143,
  host_email: 'host@example.com',
  topic: 'Daily stand-up',
  start_time: start,
  recording_files: [{ ...(fileId ? { id: fileId } : {}), file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 3000, download_url: url, status: 'completed' }],
})

describe('two instances of one meeting on one day', () => {
  it('get different file paths', () => {
    const [a] = planRecordingFiles(instance('uuid-A==', '2025-02-03T09:00:00Z', 'https://zoom.us/rec/download/a'), new Map())
    const [b] = planRecordingFiles(instance('uuid-B==', '2025-02-03T15:00:00Z', 'https://zoom.us/rec/download/b'), new Map())
    expect(relativePathOf(a!)).not.toBe(relativePathOf(b!))
  })

  describe('with trash after verified', () => {
    const scratch = serverAndFolderEachTest('zc-dl-collide-')

    it('downloads both files before trashing both recordings', async () => {
      const { server } = scratch
      const { trashed, queue, recordings: d } = trashingRecordingsQueue(scratch)
      d.add([instance('uuid-A==', '2025-02-03T09:00:00Z', server.url('a')), instance('uuid-B==', '2025-02-03T15:00:00Z', server.url('b'))])
      await queue.enqueue({ datasetId: d.id, rowIndexes: [0, 1], trashAfterVerified: true })
      await queue.whenIdle()
      const fetched = new Set(server.seen.map((r) => r.name))
      // Whatever was trashed was downloaded first.
      if (trashed.includes('uuid-A==')) expect(fetched).toContain('a')
      if (trashed.includes('uuid-B==')) expect(fetched).toContain('b')
      await queue.shutdown()
    })

    // A damaged answer can give both instances' files one id: planned onto one path, the second
    // file was taken for the first one's download and its recording trashed, never saved.
    it('downloads both files when Zoom gives them one id, before trashing both recordings', async () => {
      const { server } = scratch
      const { trashed, queue, recordings: d } = trashingRecordingsQueue(scratch)
      d.add([instance('uuid-A==', '2025-02-03T09:00:00Z', server.url('a'), 'one-id'), instance('uuid-B==', '2025-02-03T15:00:00Z', server.url('b'), 'one-id')])
      const snapshot = await queue.enqueue({ datasetId: d.id, rowIndexes: [0, 1], trashAfterVerified: true })
      expect(new Set(snapshot.items.map((item) => item.relativePath)).size).toBe(2)
      await queue.whenIdle()
      expect(new Set(server.seen.map((r) => r.name))).toEqual(new Set(['a', 'b']))
      expect(trashed.sort()).toEqual(['uuid-A==', 'uuid-B=='])
      await queue.shutdown()
    })
  })
})
