// "Move to Zoom's trash once downloaded" trusts a file found complete in the download folder only
// when the download ledger says this app left it there as it is: others may write to that folder,
// and a file planted under a recording's name and size must not get the recording trashed before
// it was ever saved. A restart is a new queue on a new ledger opened on the same data folder.
import { chmod, mkdir, mkdtemp, open, readFile, rename, rm, stat, symlink, truncate, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type DownloadLedger, fileLedger, LEDGER_FILE, memoryLedger } from '../../../main/downloads/download-ledger'
import { planRecordingFiles, relativePathOf } from '../../../main/downloads/layout'
import type { FilePlan } from './file-server'
import { serverAndFolderEachTest, trashingRecordingsQueue } from './folder-queue'

const recording = (url: string) => ({
  uuid: 'uuid-A==',
  id: 85746352143,
  host_email: 'host@example.com',
  topic: 'Board meeting',
  start_time: '2025-02-03T09:00:00Z',
  recording_files: [{ id: 'file-a', file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen', file_size: 3000, download_url: url, status: 'completed' }],
})

/** Where the queue saves the recording's one file. */
const plannedPath = (folder: string, row: ReturnType<typeof recording>) => join(folder, relativePathOf(planRecordingFiles(row, new Map())[0]!))

describe('the trash and files already in the download folder', () => {
  const scratch = serverAndFolderEachTest('zc-dl-ledger-')
  let dataDir: string
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'zc-ledger-data-'))
  })
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true })
  })

  /**
   * One run of the app: a queue with the ledger in the data folder, the recording enqueued with
   * the trash or not; `served` changes how the server sends the file in this run.
   */
  async function run(trashAfterVerified: boolean, ledger: DownloadLedger = fileLedger(dataDir), { maxAttempts, served }: { maxAttempts?: number; served?: Partial<FilePlan> } = {}) {
    const { trashed, queue, recordings } = trashingRecordingsQueue({ ...scratch, ledger, ...(maxAttempts !== undefined ? { maxAttempts } : {}) })
    if (served) scratch.server.files.set('a', { size: 3000, ...served })
    const row = recording(scratch.server.url('a'))
    recordings.add([row])
    await queue.enqueue({ datasetId: recordings.id, rowIndexes: [0], trashAfterVerified })
    await queue.whenIdle()
    const snapshot = queue.snapshot()
    await queue.shutdown()
    return { trashed, snapshot, path: plannedPath(scratch.folder, row) }
  }

  it('keeps the recording in the cloud when its file was put in the folder by someone else', async () => {
    const path = plannedPath(scratch.folder, recording(scratch.server.url('a')))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(path, Buffer.alloc(3000, 0x41))
    const { trashed, snapshot } = await run(true)
    expect(snapshot.items.map((item) => item.state)).toEqual(['skipped'])
    expect(scratch.server.seen).toHaveLength(0)
    expect(trashed).toEqual([])
    expect(snapshot.trash).toMatchObject({ trashed: 0, kept: 1, keptFoundInFolder: 1 })
  })

  it('trashes a recording this app downloaded in an earlier run, without fetching it again', async () => {
    const first = await run(false)
    expect(first.snapshot.items.map((item) => item.state)).toEqual(['done'])
    const again = await run(true)
    expect(again.snapshot.items.map((item) => item.state)).toEqual(['skipped'])
    expect(scratch.server.seen).toHaveLength(1)
    expect(again.trashed).toEqual(['uuid-A=='])
  })

  it('keeps the recording when the file the app downloaded was replaced by another of the same size', async () => {
    const first = await run(false)
    const swap = join(scratch.folder, 'swap')
    await writeFile(swap, Buffer.alloc(3000, 0x42))
    await rename(swap, first.path)
    const again = await run(true)
    expect(again.trashed).toEqual([])
    expect(again.snapshot.trash).toMatchObject({ kept: 1, keptFoundInFolder: 1 })
  })

  it('keeps the recording in the cloud when a whole .part was put in the folder by someone else', async () => {
    const path = plannedPath(scratch.folder, recording(scratch.server.url('a')))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(`${path}.part`, Buffer.alloc(3000, 0x41))
    const { trashed, snapshot } = await run(true)
    // Renamed into place without a byte fetched: it still counts as downloaded, but not for the trash.
    expect(snapshot.items.map((item) => item.state)).toEqual(['done'])
    expect(scratch.server.seen).toHaveLength(0)
    expect(trashed).toEqual([])
    expect(snapshot.trash).toMatchObject({ trashed: 0, kept: 1, keptFoundInFolder: 1 })
  })

  it('keeps the recording in the cloud when a download resumed a .part someone else put there', async () => {
    const path = plannedPath(scratch.folder, recording(scratch.server.url('a')))
    await mkdir(dirname(path), { recursive: true })
    await writeFile(`${path}.part`, Buffer.alloc(2990, 0x41))
    const { trashed, snapshot } = await run(true)
    expect(scratch.server.seen.map((seen) => seen.range)).toEqual(['bytes=2990-'])
    expect(snapshot.items.map((item) => item.state)).toEqual(['done'])
    expect(trashed).toEqual([])
    expect(snapshot.trash).toMatchObject({ trashed: 0, kept: 1, keptFoundInFolder: 1 })
  })

  it('trashes a recording whose download resumed its own .part, in the same run or after a restart', async () => {
    // A new plan each run: the server counts the drops down in it.
    const dropped = () => ({ resetAfter: { bytes: 1000, times: 1 } })
    const sameRun = await run(true, fileLedger(dataDir), { served: dropped() })
    expect(scratch.server.seen.map((seen) => seen.range)).toEqual([undefined, 'bytes=1000-'])
    expect(sameRun.trashed).toEqual(['uuid-A=='])
    await rm(sameRun.path)
    const interrupted = await run(false, fileLedger(dataDir), { maxAttempts: 1, served: dropped() })
    expect(interrupted.snapshot.items.map((item) => item.state)).toEqual(['failed'])
    const resumed = await run(true)
    expect(scratch.server.seen.at(-1)?.range).toBe('bytes=1000-')
    expect(resumed.snapshot.items.map((item) => item.state)).toEqual(['done'])
    expect(resumed.trashed).toEqual(['uuid-A=='])
  })

  it('does not vouch for a file swapped in between the rename into place and the note', async () => {
    const ledger = fileLedger(dataDir)
    // Someone replaces the file at the moment the app is about to note it.
    const swapping: DownloadLedger = {
      vouches: (path) => ledger.vouches(path),
      record: async (path, written) => {
        if (!path.endsWith('.part')) {
          await writeFile(`${path}.swap`, Buffer.alloc(3000, 0x42))
          await rename(`${path}.swap`, path)
        }
        await ledger.record(path, written)
      },
    }
    const first = await run(false, swapping)
    expect(first.snapshot.items.map((item) => item.state)).toEqual(['done'])
    expect((await readFile(first.path))[0]).toBe(0x42)
    const again = await run(true)
    expect(again.trashed).toEqual([])
    expect(again.snapshot.trash).toMatchObject({ kept: 1, keptFoundInFolder: 1 })
  })

  it('trashes a recording downloaded in this run, even when the ledger cannot note it', async () => {
    const ledger: DownloadLedger = { record: () => Promise.reject(new Error('disk full')), vouches: async () => false }
    const { trashed, snapshot } = await run(true, ledger)
    expect(snapshot.items.map((item) => item.state)).toEqual(['done'])
    expect(trashed).toEqual(['uuid-A=='])
    expect(snapshot.trash?.keptFoundInFolder).toBeUndefined()
  })
})

/**
 * Resolves once the file system's clock reads later than `ms`: its timestamps come from a coarse
 * clock (a few milliseconds), and a change within the same tick would not show in a ctime.
 */
async function untilClockPasses(ms: number, dir: string): Promise<void> {
  const probe = join(dir, 'clock-probe')
  for (;;) {
    await writeFile(probe, '')
    if ((await stat(probe)).ctimeMs > ms) return
  }
}

describe('the download ledger', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-ledger-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('vouches for a noted file only while it is unchanged, and never for a link to it', async () => {
    const ledger = memoryLedger()
    const file = join(dir, 'rec.mp4')
    await writeFile(file, 'abc')
    expect(await ledger.vouches(file)).toBe(false)
    await ledger.record(file)
    expect(await ledger.vouches(file)).toBe(true)
    // Written again in place, same size and inode: only the modification time tells.
    await utimes(file, new Date(0), new Date(0))
    expect(await ledger.vouches(file)).toBe(false)
    const link = join(dir, 'link.mp4')
    await symlink(file, link)
    await ledger.record(link)
    expect(await ledger.vouches(link)).toBe(false)
  })

  it('vouches for nothing once the file was written again in place, even with its modification time put back', async () => {
    const ledger = memoryLedger()
    const file = join(dir, 'rec.mp4')
    await writeFile(file, 'abc')
    // A whole second: put back exactly, as `touch -r` or `rsync --inplace -t` would.
    await utimes(file, 1_000_000, 1_000_000)
    await ledger.record(file)
    const noted = await stat(file)
    await untilClockPasses(noted.ctimeMs, dir)
    const handle = await open(file, 'r+')
    await handle.write('xyz', 0)
    await handle.close()
    await utimes(file, 1_000_000, 1_000_000)
    const now = await stat(file)
    expect([now.size, now.ino, now.dev, now.mtimeMs]).toEqual([noted.size, noted.ino, noted.dev, noted.mtimeMs])
    expect(await ledger.vouches(file)).toBe(false)
  })

  it('skips a line it cannot read (one cut short by a crash) and goes on after it', async () => {
    const [first, second, third] = await Promise.all(['a', 'b', 'c'].map(async (name) => {
      const file = join(dir, `${name}.mp4`)
      await writeFile(file, name)
      return file
    }))
    const ledger = fileLedger(dir)
    await ledger.record(first!)
    await ledger.record(second!)
    // The second note cut short, as a crash in the middle of its write leaves it.
    const text = await readFile(join(dir, LEDGER_FILE), 'utf8')
    await writeFile(join(dir, LEDGER_FILE), text.slice(0, text.length - 20))
    const reopened = fileLedger(dir)
    expect(await reopened.vouches(first!)).toBe(true)
    expect(await reopened.vouches(second!)).toBe(false)
    // The next note starts a line of its own rather than ending the broken one.
    await reopened.record(third!)
    const again = fileLedger(dir)
    expect([await again.vouches(first!), await again.vouches(third!)]).toEqual([true, true])
  })

  it.skipIf(process.platform === 'win32')('narrows a ledger found open to other accounts to 0600 at its next note', async () => {
    const [first, second] = [join(dir, 'a.mp4'), join(dir, 'b.mp4')]
    await Promise.all([writeFile(first, 'a'), writeFile(second, 'b')])
    await fileLedger(dir).record(first)
    // As an older build, or a backup restored, may leave it: readable by every account.
    await chmod(join(dir, LEDGER_FILE), 0o644)
    await fileLedger(dir).record(second)
    expect((await stat(join(dir, LEDGER_FILE))).mode & 0o777).toBe(0o600)
  })

  it('starts over, vouching for nothing, from a ledger it cannot read', async () => {
    const [kept, next] = [join(dir, 'a.mp4'), join(dir, 'b.mp4')]
    await Promise.all([writeFile(kept, 'a'), writeFile(next, 'b')])
    await fileLedger(dir).record(kept)
    // Grown past what it may be (planted, or damaged): not read at all.
    await truncate(join(dir, LEDGER_FILE), 17 * 1024 * 1024)
    const ledger = fileLedger(dir)
    expect(await ledger.vouches(kept)).toBe(false)
    await ledger.record(next)
    expect((await stat(join(dir, LEDGER_FILE))).size).toBeLessThan(1000)
    const reopened = fileLedger(dir)
    expect([await reopened.vouches(kept), await reopened.vouches(next)]).toEqual([false, true])
  })

  it('notes a file by appending one line of a few hundred bytes, however many it holds, and forgets one gone', async () => {
    const ledger = fileLedger(dir, 50)
    const names = Array.from({ length: 40 }, (_, i) => join(dir, `f${i}`))
    await Promise.all(names.map((name) => writeFile(name, 'x')))
    for (const name of names) await ledger.record(name)
    const before = await readFile(join(dir, LEDGER_FILE), 'utf8')
    await ledger.record(names[0]!)
    const after = await readFile(join(dir, LEDGER_FILE), 'utf8')
    // Added at the end, what was there untouched: not the whole file written again.
    expect(after.startsWith(before)).toBe(true)
    expect(Buffer.byteLength(after) - Buffer.byteLength(before)).toBeLessThan(400)
    await rm(names[1]!)
    await ledger.record(names[1]!)
    const reopened = fileLedger(dir, 50)
    expect([await reopened.vouches(names[0]!), await reopened.vouches(names[1]!), await reopened.vouches(names[2]!)]).toEqual([true, false, true])
  })

  it('keeps the newest files when full, across a restart, and writes the file again once it holds twice as many lines', async () => {
    const ledger = fileLedger(dir, 3)
    const names = Array.from({ length: 5 }, (_, i) => join(dir, `f${i}`))
    await Promise.all(names.map((name) => writeFile(name, 'x')))
    // The two oldest first, then the rest finishing together.
    await ledger.record(names[0]!)
    await ledger.record(names[1]!)
    await Promise.all(names.slice(2).map((name) => ledger.record(name)))
    const reopened = fileLedger(dir, 3)
    expect(await reopened.vouches(names[1]!)).toBe(false)
    expect(await reopened.vouches(names[4]!)).toBe(true)
    // Past six lines, the file holds only the three newest again.
    await reopened.record(names[4]!)
    await reopened.record(names[3]!)
    const stored = (await readFile(join(dir, LEDGER_FILE), 'utf8')).trimEnd().split('\n').map((line) => (JSON.parse(line) as { path: string }).path)
    expect(new Set(stored)).toEqual(new Set(names.slice(2)))
  })
})
