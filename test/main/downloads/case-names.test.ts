// Two downloads whose names differ only in case are one file on macOS and Windows: they would
// share a .part, and a file there under the other spelling would pass for this one, complete.
// Names are compared without case on every OS (so here on Linux too): such a download gets a name
// of its own, the same one at every enqueue, and the file already there is left alone.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { chooseName, foldName } from '../../../main/downloads/case-names'
import { MAX_WHOLE_PATH } from '../../../main/downloads/layout'
import { expectedBytes } from './file-server'
import { folderQueue, serverAndFolderEachTest } from './folder-queue'
import { httpDownloadSource } from './http-source'

const SIZE = 30_000
const MEETING_FOLDER = ['host@example.com', '2025-02-03', 'Topic (1)']

/** One recording whose files have these ids (the names the file server serves them under). */
const recording = (url: (name: string) => string, ids: string[]) => ({
  uuid: 'uuid-1',
  id: 1,
  host_email: 'host@example.com',
  topic: 'Topic',
  start_time: '2025-02-03T10:00:00Z',
  recording_files: ids.map((id) => ({ id, file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: SIZE, download_url: url(id), status: 'completed' })),
})

/** True when no two names in the list are the same apart from case. */
const apartWithoutCase = (names: readonly string[]): boolean => new Set(names.map(foldName)).size === names.length

describe('names that differ only in case', () => {
  const scratch = serverAndFolderEachTest('zc-dl-case-')
  const meetingFolder = () => join(scratch.folder, ...MEETING_FOLDER)

  async function download(ids: string[], options: { maxAttempts?: number } = {}) {
    const datasets = new DatasetStore()
    const source = httpDownloadSource()
    const queue = folderQueue({ datasets, folder: scratch.folder, source, ...options })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([recording(scratch.server.url, ids)])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const items = queue.snapshot().items
    await queue.shutdown()
    return { items, source }
  }

  it('two files of one queue get names apart, each with its own bytes', async () => {
    scratch.server.files.set('Meeting', { size: SIZE })
    scratch.server.files.set('meeting', { size: SIZE })
    const { items } = await download(['Meeting', 'meeting'])
    expect(items.map((item) => item.state)).toEqual(['done', 'done'])
    expect(apartWithoutCase(items.map((item) => item.relativePath))).toBe(true)
    expect(apartWithoutCase(await readdir(meetingFolder()))).toBe(true)
    for (const [index, name] of ['Meeting', 'meeting'].entries()) {
      expect((await readFile(join(scratch.folder, items[index]!.relativePath))).equals(expectedBytes(name, SIZE)), name).toBe(true)
    }
  })

  it('a file already in the folder under another case is neither taken for the download nor replaced', async () => {
    scratch.server.files.set('meeting', { size: SIZE })
    // Someone else's file, of exactly the listed size: on macOS it would pass for the download, complete.
    const theirs = expectedBytes('not this recording', SIZE)
    await mkdir(meetingFolder(), { recursive: true })
    await writeFile(join(meetingFolder(), 'shared_screen-Meeting.mp4'), theirs)
    const { items } = await download(['meeting'])
    expect(items[0]).toMatchObject({ state: 'done' })
    expect(apartWithoutCase(await readdir(meetingFolder()))).toBe(true)
    expect((await readFile(join(meetingFolder(), 'shared_screen-Meeting.mp4'))).equals(theirs)).toBe(true)
    expect((await readFile(join(scratch.folder, items[0]!.relativePath))).equals(expectedBytes('meeting', SIZE))).toBe(true)
  })

  it('after a restart, each file finds its own name again: the finished one is skipped, the broken one resumed', async () => {
    scratch.server.files.set('Meeting', { size: SIZE })
    scratch.server.files.set('meeting', { size: SIZE, resetAfter: { bytes: 10_000, times: 1 } })
    const first = await download(['Meeting', 'meeting'], { maxAttempts: 1 })
    expect(first.items.map((item) => item.state)).toEqual(['done', 'failed'])
    const requestsBefore = scratch.server.seen.length
    // Enqueued again by a new queue (the app restarted), the other file first this time.
    const again = await download(['meeting', 'Meeting'])
    expect(again.items.map((item) => item.state)).toEqual(['done', 'skipped'])
    expect(again.items.map((item) => item.relativePath)).toEqual([first.items[1]!.relativePath, first.items[0]!.relativePath])
    expect(apartWithoutCase(again.items.map((item) => item.relativePath))).toBe(true)
    expect(scratch.server.seen.slice(requestsBefore)).toEqual([expect.objectContaining({ name: 'meeting', range: expect.stringMatching(/^bytes=[1-9]\d*-$/) })])
    expect((await readFile(join(scratch.folder, again.items[0]!.relativePath))).equals(expectedBytes('meeting', SIZE))).toBe(true)
  })
})

describe('chooseName', () => {
  const planned = { folder: '/downloads', segments: [...MEETING_FOLDER, 'shared_screen-meeting.mp4'] }
  const nobodyQueued = () => undefined

  it('keeps the planned name when nothing is alike, or when what is there is spelled exactly so (its own)', () => {
    expect(chooseName(planned, { queued: nobodyQueued, onDisk: ['other.mp4'] })).toBe('shared_screen-meeting.mp4')
    expect(chooseName(planned, { queued: nobodyQueued, onDisk: ['shared_screen-meeting.mp4.part'] })).toBe('shared_screen-meeting.mp4')
  })

  it('finds names alike through Unicode case folding and normalisation, as macOS does', () => {
    expect(foldName('STRASSE.mp4')).toBe(foldName('straße.mp4'))
    expect(foldName('Caf\u00e9.mp4')).toBe(foldName('CAFE\u0301.mp4'))
    const decomposed = { folder: '/downloads', segments: ['caf\u00e9.mp4'] }
    expect(chooseName(decomposed, { queued: nobodyQueued, onDisk: ['CAFE\u0301.mp4.part'] })).not.toBe('caf\u00e9.mp4')
  })

  it('moves aside for a queued file alike, and comes back to its own alternative name found on disk', () => {
    const queuedTwin = (path: string) => (foldName(path).endsWith('shared_screen-meeting.mp4') ? join('/downloads', ...MEETING_FOLDER, 'shared_screen-Meeting.mp4') : undefined)
    const aside = chooseName(planned, { queued: queuedTwin, onDisk: [] })
    expect(aside).toMatch(/^shared_screen-meeting~[0-9a-f]{8}\.mp4$/)
    // Nothing alike any more (the other file is gone), but its own file is there under the alternative name.
    expect(chooseName(planned, { queued: nobodyQueued, onDisk: [`${aside}.part`] })).toBe(aside)
  })

  it('keeps an alternative name within the whole-path budget', () => {
    const deep = { folder: `/${'d'.repeat(150)}`, segments: [...MEETING_FOLDER, `${'s'.repeat(60)}.mp4`] }
    const name = chooseName(deep, { queued: nobodyQueued, onDisk: [`${'S'.repeat(60)}.mp4`] })
    expect(name).toMatch(/~[0-9a-f]{8}\.mp4$/)
    expect(join(deep.folder, ...MEETING_FOLDER, name).length).toBeLessThanOrEqual(MAX_WHOLE_PATH)
  })
})
