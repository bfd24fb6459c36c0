// Once Zoom has moved a recording to its trash, the queue must say so, even when the line
// for zoom-trash-log.jsonl cannot be written: reporting "failed" makes the person believe the
// recording is still in the cloud while Zoom's trash is counting down its days.
import { lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { folderQueue, serverAndFolderEachTest, trashingSource } from './folder-queue'
import { TRASH_LOG_NAME } from '../../../main/downloads/trash-after-download'
import { errorFromResponse } from '../../../main/zoom/errors'
import { forgetSecret, registerSecret } from '../../../main/log/redact'
import { findFragments, readAllFiles } from '../../support/canary'
import { httpGet } from './http-source'

const recordingRow = (url: string, topic = 'Topic') => ({
  uuid: 'uuid-1',
  id: 1,
  host_email: 'host@example.com',
  topic,
  start_time: '2025-02-03T10:00:00Z',
  recording_files: [{ id: 'v', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 2000, download_url: url, status: 'completed' }],
})

describe('trash log', () => {
  const scratch = serverAndFolderEachTest('zc-dl-trashlog-')

  // Whoever can write to the download folder (another account sharing it, a synced folder) can
  // put a link at the log's name: appended through it, a line naming a topic Zoom's data chose
  // ("$(…)" in a shell start-up file) lands outside the download folder. The line is not written;
  // the recording Zoom trashed still counts as trashed.
  it('is never appended through a symbolic link planted at its name', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 2000 })
    const outside = await mkdtemp(join(tmpdir(), 'zc-dl-trashlog-outside-'))
    try {
      const victim = join(outside, '.bashrc')
      await writeFile(victim, 'export PATH\n')
      await symlink(victim, join(folder, TRASH_LOG_NAME))
      const trashed: string[] = []
      const datasets = new DatasetStore()
      const queue = folderQueue({ datasets, folder, source: trashingSource(trashed), confirm: true })
      const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
      d.add([recordingRow(server.url('v'), '$(touch pwned)')])
      await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
      await queue.whenIdle()
      expect(trashed).toEqual(['uuid-1'])
      expect(queue.snapshot().trash).toMatchObject({ trashed: 1, failed: 0 })
      expect(await readFile(victim, 'utf8')).toBe('export PATH\n')
      expect((await lstat(join(folder, TRASH_LOG_NAME))).isSymbolicLink()).toBe(true)
      await queue.shutdown()
    } finally {
      await rm(outside, { recursive: true, force: true })
    }
  })

  it('a recording Zoom trashed counts as trashed when its log line cannot be written', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 2000 })
    // The log cannot be appended to (here: a folder stands at its name).
    await mkdir(join(folder, TRASH_LOG_NAME))
    const trashed: string[] = []
    const datasets = new DatasetStore()
    const queue = folderQueue({ datasets, folder, source: trashingSource(trashed), confirm: true })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([recordingRow(server.url('v'))])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
    await queue.whenIdle()
    expect(trashed).toEqual(['uuid-1'])
    expect(queue.snapshot().trash).toMatchObject({ trashed: 1, failed: 0 })
    await queue.shutdown()
  })

  it('a failed move quoting the access token in Zoom’s message does not write the token to the log beside the downloads', async () => {
    const { server, folder } = scratch
    server.files.set('v', { size: 2000 })
    const TOKEN = 'zmat_CANARY_trash_7d41c0a9b2e84f6a9c3d5e7f1a2b4c6d'
    // The token manager registers every token it holds with the redactor.
    registerSecret(TOKEN)
    const datasets = new DatasetStore()
    const queue = folderQueue({
      datasets,
      folder,
      confirm: true,
      source: {
        open: (_p, url, options) => httpGet(url, options),
        trash: async () => {
          throw errorFromResponse({ status: 400, headers: {}, body: { code: 300, message: `Invalid request, token ${TOKEN} cannot trash this recording` } })
        },
      },
    })
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add([recordingRow(server.url('v'))])
    try {
      await queue.enqueue({ datasetId: d.id, rowIndexes: [0], trashAfterVerified: true })
      await queue.whenIdle()
      expect(queue.snapshot().trash).toMatchObject({ failed: 1 })
      const files = await readAllFiles(folder)
      expect(files.some((f) => f.path.endsWith(TRASH_LOG_NAME))).toBe(true)
      expect(files.filter((f) => findFragments(f.text, [TOKEN]).length > 0).map((f) => f.path)).toEqual([])
    } finally {
      await queue.shutdown()
      forgetSecret(TOKEN)
    }
  })
})
