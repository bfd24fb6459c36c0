// A symbolic link planted in the download folder (by another program, or another account that
// shares the folder) must never be written through or measured through: not at a download's
// .part (resuming would append a recording to whatever it points at, or create that file), not
// at its final path (a link to some file of the right size would pass as the finished download,
// and with "move to Zoom's trash" the recording would be trashed without ever being saved).
// The download fails as DOWNLOAD_PATH_REFUSED, the link and its target stay as they were.
import { existsSync } from 'node:fs'
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { transferOnce } from '../../../main/downloads/transfer'
import { systemScheduler } from '../../../main/ports'
import { caught } from '../../support/caught'
import { expectedBytes } from './file-server'
import { folderQueue, serverAndFolderEachTest, trashingSource } from './folder-queue'
import { httpDownloadSource } from './http-source'

const SIZE = 20_000
const VICTIM = Buffer.from('someone else’s file, not a recording\n')

const row = (url: string) => ({
  uuid: 'uuid-1',
  id: 1,
  host_email: 'host@example.com',
  topic: 'Topic',
  start_time: '2025-02-03T10:00:00Z',
  recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: SIZE, download_url: url, status: 'completed' }],
})

describe('a symbolic link in the download folder', () => {
  const scratch = serverAndFolderEachTest('zc-dl-links-')
  const target = () => join(scratch.folder, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')
  /** A file outside the download folder's tree of recordings, which a link will point at. */
  const victim = async (content: Buffer = VICTIM) => {
    const path = join(scratch.folder, 'elsewhere.txt')
    await writeFile(path, content)
    return path
  }
  const transfer = (finalPath: string) =>
    transferOnce({ source: httpDownloadSource(), scheduler: systemScheduler, profileId: 'p', url: scratch.server.url('v'), folder: scratch.folder, finalPath, fileSize: SIZE, signal: new AbortController().signal, stallTimeoutMs: 5000, onProgress: () => undefined })

  it('at the .part is refused: nothing is appended to its target, nothing is fetched', async () => {
    scratch.server.files.set('v', { size: SIZE })
    const elsewhere = await victim()
    await mkdir(join(target(), '..'), { recursive: true })
    await symlink(elsewhere, `${target()}.part`)
    const error = await caught(transfer(target()))
    expect(error.code).toBe('DOWNLOAD_PATH_REFUSED')
    expect(error.message).toContain('symbolic link')
    expect(await readFile(elsewhere)).toEqual(VICTIM)
    expect((await lstat(`${target()}.part`)).isSymbolicLink()).toBe(true)
    expect(existsSync(target())).toBe(false)
    expect(scratch.server.seen).toEqual([])
  })

  it('at the .part, pointing nowhere yet, is refused and its target is not created', async () => {
    scratch.server.files.set('v', { size: SIZE })
    const nowhere = join(scratch.folder, 'created-through-the-link.mp4')
    await mkdir(join(target(), '..'), { recursive: true })
    await symlink(nowhere, `${target()}.part`)
    expect((await caught(transfer(target()))).code).toBe('DOWNLOAD_PATH_REFUSED')
    expect(existsSync(nowhere)).toBe(false)
  })

  it('at the final path is refused before the download, and the link is not replaced', async () => {
    scratch.server.files.set('v', { size: SIZE })
    const elsewhere = await victim()
    await mkdir(join(target(), '..'), { recursive: true })
    await symlink(elsewhere, target())
    expect((await caught(transfer(target()))).code).toBe('DOWNLOAD_PATH_REFUSED')
    expect((await lstat(target())).isSymbolicLink()).toBe(true)
    expect(await readFile(elsewhere)).toEqual(VICTIM)
    expect(scratch.server.seen).toEqual([])
  })

  it('at the final path, to a file of the listed size, is not taken for the finished download nor trashed', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: SIZE })
    // Exactly file_size bytes, so that measuring through the link would call the download complete.
    const lookalike = expectedBytes('someone else', SIZE)
    const elsewhere = await victim(lookalike)
    await mkdir(join(target(), '..'), { recursive: true })
    await symlink(elsewhere, target())
    const trashed: string[] = []
    const datasets = new DatasetStore()
    const queue = folderQueue({ datasets, folder, source: trashingSource(trashed), confirm: true })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([row(server.url('v'))])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    const item = queue.snapshot().items[0]!
    expect(item.state).toBe('failed')
    expect(item.error?.code).toBe('DOWNLOAD_PATH_REFUSED')
    expect(trashed).toEqual([])
    expect((await readFile(elsewhere)).equals(lookalike)).toBe(true)
    await queue.shutdown()
  })

  it('at the .part fails the queued file once, without retrying', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: SIZE })
    const elsewhere = await victim()
    await mkdir(join(target(), '..'), { recursive: true })
    await symlink(elsewhere, `${target()}.part`)
    const datasets = new DatasetStore()
    const source = httpDownloadSource()
    const queue = folderQueue({ datasets, folder, source, maxAttempts: 3 })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([row(server.url('v'))])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items[0]).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_PATH_REFUSED' } })
    expect(source.opened).toBe(0)
    expect(await readFile(elsewhere)).toEqual(VICTIM)
    await queue.shutdown()
  })

  it('at a folder inside the download folder is refused: nothing is made or written where it points', async () => {
    scratch.server.files.set('v', { size: SIZE })
    // The host's folder is a link to a folder outside the tree of recordings.
    const outside = join(scratch.folder, 'outside')
    await mkdir(outside)
    await symlink(outside, join(scratch.folder, 'host@example.com'))
    const error = await caught(transfer(target()))
    expect(error.code).toBe('DOWNLOAD_PATH_REFUSED')
    expect(error.message).toContain('host@example.com')
    expect(await readdir(outside)).toEqual([])
    expect(scratch.server.seen).toEqual([])
  })

  it("at a folder's place, a file, is refused as not a folder", async () => {
    scratch.server.files.set('v', { size: SIZE })
    await mkdir(join(scratch.folder, 'host@example.com'))
    await writeFile(join(scratch.folder, 'host@example.com', '2025-02-03'), 'a file')
    const error = await caught(transfer(target()))
    expect(error.code).toBe('DOWNLOAD_PATH_REFUSED')
    expect(error.message).toContain('not a folder')
  })

  it('as the download folder itself is followed: the person chose it', async () => {
    scratch.server.files.set('v', { size: SIZE })
    const real = join(scratch.folder, 'real-downloads')
    await mkdir(real)
    const chosen = join(scratch.folder, 'Downloads')
    await symlink(real, chosen)
    const finalPath = join(chosen, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')
    await transferOnce({ source: httpDownloadSource(), scheduler: systemScheduler, profileId: 'p', url: scratch.server.url('v'), folder: chosen, finalPath, fileSize: SIZE, signal: new AbortController().signal, stallTimeoutMs: 5000, onProgress: () => undefined })
    expect((await readFile(join(real, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4'))).length).toBe(SIZE)
  })

  it('at a folder inside the download folder fails the queued file, and opening its folder makes nothing where the link points', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: SIZE })
    const outside = join(folder, 'outside')
    await mkdir(outside)
    await symlink(outside, join(folder, 'host@example.com'))
    const datasets = new DatasetStore()
    const queue = folderQueue({ datasets, folder, source: httpDownloadSource() })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([row(server.url('v'))])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const item = queue.snapshot().items[0]!
    expect(item).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_PATH_REFUSED' } })
    await expect(queue.openFolder(item.id)).rejects.toMatchObject({ code: 'DOWNLOAD_PATH_REFUSED' })
    expect(await readdir(outside)).toEqual([])
    await queue.shutdown()
  })
})
