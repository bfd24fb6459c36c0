// Two files of one recording whose names come out alike once cleaned for the disk (ids that
// differ only in characters a file name cannot hold, or the same id twice in a damaged answer):
// each must still be saved on its own. Taken for one download, only one of them is fetched, and
// with "move to Zoom's trash after download" the recording, the other file with it, is trashed
// without that file ever being saved.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { serverAndFolderEachTest, trashingRecordingsQueue } from './folder-queue'

const recording = (files: { id: string; url: string }[]) => ({
  uuid: 'uuid-1==',
  id: 85746352143,
  host_email: 'host@example.com',
  topic: 'Board meeting',
  start_time: '2025-02-03T09:00:00Z',
  recording_files: files.map(({ id, url }) => ({ id, file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 3000, download_url: url, status: 'completed' })),
})

describe('files of one recording whose names clean up alike', () => {
  const scratch = serverAndFolderEachTest('zc-dl-alike-')

  for (const [what, ids] of [
    ['ids that differ only in a character no file name holds', ['part:1', 'part?1']],
    ['the same id twice', ['same-id', 'same-id']],
  ] as const) {
    it(`${what}: both are saved before the recording is trashed`, async () => {
      const { server, folder } = scratch
      const { trashed, queue, recordings: d } = trashingRecordingsQueue(scratch)
      d.add([recording([{ id: ids[0], url: server.url('a') }, { id: ids[1], url: server.url('b') }])])
      const snapshot = await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
      expect(new Set(snapshot.items.map((item) => item.relativePath)).size).toBe(2)
      await queue.whenIdle()
      expect(new Set(server.seen.map((r) => r.name))).toEqual(new Set(['a', 'b']))
      const meetingFolder = join(folder, 'host@example.com', '2025-02-03', 'Board meeting (85746352143)')
      expect((await readdir(meetingFolder)).filter((name) => name.endsWith('.mp4'))).toHaveLength(2)
      expect(trashed).toEqual(['uuid-1=='])
      await queue.shutdown()
    })
  }
})
