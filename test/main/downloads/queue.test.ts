import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DownloadsSnapshot } from '../../../common/contract/downloads'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { DownloadQueue } from '../../../main/downloads/download-queue'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { type DialogPort, systemClock, systemScheduler } from '../../../main/ports'
import { defaultFileModeIn, modeOf } from '../data/document-mode'
import { recordingSink } from '../data/harness'
import { expectedBytes, startFileServer } from './file-server'
import { httpDownloadSource } from './http-source'

/** Byte-for-byte, without a slow element-wise deep equality on large buffers. */
async function expectFile(path: string, name: string, size: number): Promise<void> {
  const actual = await readFile(path)
  expect(actual.length).toBe(size)
  expect(actual.equals(expectedBytes(name, size))).toBe(true)
}

type FileServer = Awaited<ReturnType<typeof startFileServer>>

const START = '2025-02-03T10:00:00Z'

function recordingRow(server: FileServer, meetingId: number, files: { name: string; size: number; type?: string; url?: boolean }[]) {
  return {
    uuid: `uuid-${meetingId}`,
    id: meetingId,
    host_id: 'host-1',
    host_email: 'host@example.com',
    topic: `Topic ${meetingId}`,
    start_time: START,
    recording_files: files.map((f) => ({
      id: f.name,
      file_type: 'MP4',
      file_extension: 'MP4',
      recording_type: f.type ?? 'shared_screen',
      file_size: f.size,
      ...(f.url === false ? { status: 'processing' } : { download_url: server.url(f.name), status: 'completed' }),
    })),
  }
}

const finalPath = (folder: string, meetingId: number, name: string, type = 'shared_screen') =>
  join(folder, 'host@example.com', '2025-02-03', `Topic ${meetingId} (${meetingId})`, `${type}-${name}.mp4`)

describe('DownloadQueue', () => {
  let server: FileServer
  let dir: string
  let folder: string
  let datasets: DatasetStore
  let events: ReturnType<typeof recordingSink>
  let queue: DownloadQueue
  let source: ReturnType<typeof httpDownloadSource>
  let concurrency: number
  let chosenFolder: string | undefined
  /** settings.downloadFolder; '' = ask each time. */
  let settingsFolder: string
  let opened: string[]

  const dialogs: DialogPort = {
    chooseSaveFile: async () => undefined,
    chooseOpenFile: async () => undefined,
    chooseFolder: async () => chosenFolder,
    confirm: async () => false,
  }

  const makeQueue = (options: { stallTimeoutMs?: number; maxAttempts?: number } = {}) =>
    new DownloadQueue({
      source,
      datasets,
      dialogs,
      shell: { openPath: async (path) => void opened.push(path), openExternal: async () => undefined },
      events,
      settings: () => ({ downloadConcurrency: concurrency, downloadFolder: settingsFolder }),
      clock: systemClock,
      scheduler: systemScheduler,
      log: createLogger(memoryLogSink(), 'downloads'),
      retryDelayMs: 0,
      progressIntervalMs: 20,
      ...options,
    })

  const dataset = (rows: unknown[]) => {
    const d = datasets.create('profile-1', LIST_RESOURCES.recordings, 0)
    d.add(rows)
    return d
  }

  beforeAll(async () => {
    server = await startFileServer()
    dir = await mkdtemp(join(tmpdir(), 'zc-downloads-'))
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })
  beforeEach(async () => {
    folder = await mkdtemp(join(dir, 'run-'))
    datasets = new DatasetStore()
    events = recordingSink()
    source = httpDownloadSource()
    concurrency = 2
    chosenFolder = undefined
    settingsFolder = folder
    opened = []
    server.files.clear()
    server.seen.length = 0
    queue = makeQueue({ stallTimeoutMs: 300 })
  })
  afterEach(() => queue.shutdown())

  const snapshots = () => events.events.filter((e) => e.name === 'downloads.changed').map((e) => e.payload as DownloadsSnapshot)

  it('downloads every file of the chosen rows, checks sizes and bytes, and skips files still processing', async () => {
    server.files.set('a', { size: 300_000 })
    server.files.set('b', { size: 12_345 })
    const d = dataset([
      recordingRow(server, 111, [{ name: 'a', size: 300_000 }, { name: 'pending', size: 10, url: false }]),
      recordingRow(server, 222, [{ name: 'b', size: 12_345, type: 'audio_only' }]),
    ])
    const first = await queue.enqueue({ datasetId: d.id, rowIndexes: [0, 1, 1] })
    expect(first.items).toHaveLength(2)
    expect(first.totalBytes).toBe(312_345)
    await queue.whenIdle()

    await expectFile(finalPath(folder, 111, 'a'), 'a', 300_000)
    await expectFile(finalPath(folder, 222, 'b', 'audio_only'), 'b', 12_345)
    expect(existsSync(`${finalPath(folder, 111, 'a')}.part`)).toBe(false)
    // The person's documents: the usual umask-based mode, not the app's private 0600 (document-mode.ts).
    expect(await modeOf(finalPath(folder, 111, 'a'))).toBe(await defaultFileModeIn(folder))
    const last = queue.snapshot()
    expect(last.items.map((i) => i.state)).toEqual(['done', 'done'])
    expect(last).toMatchObject({ totalBytes: 312_345, receivedBytes: 312_345, active: 0 })
    expect(last.items[0]).toMatchObject({ profileId: 'profile-1', folder, meetingTopic: 'Topic 111', recordingType: 'shared_screen', fileSize: 300_000 })
    expect(snapshots().at(-1)).toEqual(last)
    expect(server.seen.every((r) => r.range === undefined)).toBe(true)
  })

  it('resumes a reset transfer with Range from the size of the .part', async () => {
    server.files.set('r', { size: 200_000, resetAfter: { bytes: 70_000, times: 1 } })
    const d = dataset([recordingRow(server, 333, [{ name: 'r', size: 200_000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('done')
    await expectFile(finalPath(folder, 333, 'r'), 'r', 200_000)
    expect(server.seen).toHaveLength(2)
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(server.seen[1]!.range ?? '')?.[1])
    expect(resumedAt).toBeGreaterThan(0)
    expect(resumedAt).toBeLessThanOrEqual(70_000)
  })

  it('resumes a stalled transfer after the stall timeout', async () => {
    server.files.set('s', { size: 150_000, stallAfter: { bytes: 40_000, times: 1 } })
    const d = dataset([recordingRow(server, 444, [{ name: 's', size: 150_000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('done')
    expect(server.seen.map((r) => r.range)).toEqual([undefined, 'bytes=40000-'])
    await expectFile(finalPath(folder, 444, 's'), 's', 150_000)
  })

  it('resumes a .part left by an earlier run when the same file is enqueued again', async () => {
    server.files.set('p', { size: 50_000 })
    const target = finalPath(folder, 555, 'p')
    await mkdir(join(target, '..'), { recursive: true })
    await writeFile(`${target}.part`, expectedBytes('p', 50_000).subarray(0, 20_000))
    const d = dataset([recordingRow(server, 555, [{ name: 'p', size: 50_000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(server.seen.map((r) => r.range)).toEqual(['bytes=20000-'])
    await expectFile(target, 'p', 50_000)
  })

  it('skips a file already complete at its final path', async () => {
    server.files.set('c', { size: 1000 })
    const target = finalPath(folder, 666, 'c')
    await mkdir(join(target, '..'), { recursive: true })
    await writeFile(target, expectedBytes('c', 1000))
    const d = dataset([recordingRow(server, 666, [{ name: 'c', size: 1000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items[0]).toMatchObject({ state: 'skipped', received: 1000 })
    expect(server.seen).toHaveLength(0)
  })

  it('reports DOWNLOAD_SIZE_MISMATCH when the server has another size, leaving neither file nor .part', async () => {
    server.files.set('m', { size: 1000, actualSize: 1200 })
    const d = dataset([recordingRow(server, 777, [{ name: 'm', size: 1000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const item = queue.snapshot().items[0]!
    expect(item.state).toBe('failed')
    expect(item.error?.code).toBe('DOWNLOAD_SIZE_MISMATCH')
    expect(existsSync(finalPath(folder, 777, 'm'))).toBe(false)
    expect(existsSync(`${finalPath(folder, 777, 'm')}.part`)).toBe(false)
  })

  it('keeps the .part and reports DOWNLOAD_SIZE_MISMATCH when the body keeps ending early, then retry completes it', async () => {
    queue = makeQueue({ stallTimeoutMs: 5_000, maxAttempts: 2 })
    server.files.set('t', { size: 90_000, resetAfter: { bytes: 30_000, times: 2 } })
    const d = dataset([recordingRow(server, 778, [{ name: 't', size: 90_000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const failed = queue.snapshot().items[0]!
    expect(failed.state).toBe('failed')
    expect(['NETWORK', 'DOWNLOAD_SIZE_MISMATCH']).toContain(failed.error?.code)
    expect(existsSync(`${finalPath(folder, 778, 't')}.part`)).toBe(true)

    await queue.retry(failed.id)
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('done')
    expect(server.seen.at(-1)!.range).toMatch(/^bytes=\d+-$/)
    await expectFile(finalPath(folder, 778, 't'), 't', 90_000)
  })

  it('takes the stall timeout from the person’s setting (downloadStallSeconds) when none is fixed', async () => {
    // The stall watch arms one timer per chunk received: the delays it asks for are the timeout.
    const delays: number[] = []
    const scheduler = { setTimeout: (callback: () => void, ms: number) => (delays.push(ms), systemScheduler.setTimeout(callback, ms)) }
    queue = new DownloadQueue({
      source,
      datasets,
      dialogs,
      shell: { openPath: async () => undefined, openExternal: async () => undefined },
      events,
      settings: () => ({ downloadConcurrency: 1, downloadFolder: settingsFolder, downloadStallSeconds: 7 }),
      clock: systemClock,
      scheduler,
      log: createLogger(memoryLogSink(), 'downloads'),
      retryDelayMs: 0,
      progressIntervalMs: 20,
    })
    server.files.set('s', { size: 20_000 })
    const d = dataset([recordingRow(server, 779, [{ name: 's', size: 20_000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('done')
    expect(delays).toContain(7_000)
    expect(delays).not.toContain(60_000)
  })

  it('cancel stops a transfer and leaves no final file, no .part and no received bytes', async () => {
    queue = makeQueue({ stallTimeoutMs: 60_000 })
    server.files.set('x', { size: 100_000, stallAfter: { bytes: 10_000, times: 1 } })
    const d = dataset([recordingRow(server, 888, [{ name: 'x', size: 100_000 }])])
    const { items } = await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    const id = items[0]!.id
    await new Promise<void>((resolve) => {
      const poll = () => (queue.snapshot().items[0]!.received >= 10_000 ? resolve() : setImmediate(poll))
      poll()
    })
    expect(queue.cancel(id).items[0]!.state).toBe('cancelled')
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('cancelled')
    expect(existsSync(finalPath(folder, 888, 'x'))).toBe(false)
    expect(existsSync(`${finalPath(folder, 888, 'x')}.part`)).toBe(false)
    // The bytes it had are deleted with the .part: the list must not show "10 KB of 100 KB" as if a
    // Retry would go on from there.
    expect(queue.snapshot().items[0]!.received).toBe(0)
    expect(queue.clearFinished().items).toHaveLength(0)
  })

  it('runs at most downloadConcurrency transfers at once; cancelAll cancels the queued ones', async () => {
    concurrency = 1
    for (const name of ['q1', 'q2', 'q3']) server.files.set(name, { size: 80_000 })
    const d = dataset([recordingRow(server, 999, ['q1', 'q2', 'q3'].map((name) => ({ name, size: 80_000 })))])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(queue.snapshot().items.map((i) => i.state)).toEqual(['done', 'done', 'done'])
    expect(server.maxInFlight()).toBeLessThanOrEqual(2)

    const more = dataset([recordingRow(server, 1000, ['q1', 'q2', 'q3'].map((name) => ({ name, size: 80_000 })))])
    await queue.enqueue({ datasetId: more.id, rowIndexes: [0] })
    const after = queue.cancelAll()
    await queue.whenIdle()
    expect(after.items.slice(3).map((i) => i.state)).toEqual(['cancelled', 'cancelled', 'cancelled'])
    for (const name of ['q1', 'q2', 'q3']) expect(existsSync(finalPath(folder, 1000, name))).toBe(false)
  })

  it('fails a missing file with ZOOM_NOT_FOUND, and retry downloads it once it exists', async () => {
    const d = dataset([recordingRow(server, 1100, [{ name: 'late', size: 5000 }])])
    await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    const item = queue.snapshot().items[0]!
    expect(item.error?.code).toBe('ZOOM_NOT_FOUND')
    server.files.set('late', { size: 5000 })
    await queue.retry(item.id)
    await queue.whenIdle()
    expect(queue.snapshot().items[0]!.state).toBe('done')
  })

  it('asks for a folder when none is configured, and opens folders with the shell', async () => {
    settingsFolder = ''
    server.files.set('f', { size: 10 })
    const d = dataset([recordingRow(server, 1200, [{ name: 'f', size: 10 }])])
    expect((await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })).items).toHaveLength(0)
    chosenFolder = folder
    const { items } = await queue.enqueue({ datasetId: d.id, rowIndexes: [0] })
    await queue.whenIdle()
    await queue.openFolder(items[0]!.id)
    await queue.openFolder()
    expect(opened).toEqual([join(finalPath(folder, 1200, 'f'), '..'), folder])
    const users = datasets.create('profile-1', LIST_RESOURCES.users, 0)
    await expect(queue.enqueue({ datasetId: users.id, rowIndexes: [0] })).rejects.toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses a network share or an application bundle as the download folder, from settings or the dialog', async () => {
    server.files.set('u', { size: 10 })
    const d = dataset([recordingRow(server, 1300, [{ name: 'u', size: 10 }])])
    for (const bad of ['\\\\fileserver\\share', '//fileserver/share', 'relative/folder', join(folder, 'Zoom.app')]) {
      settingsFolder = bad
      await expect(queue.enqueue({ datasetId: d.id, rowIndexes: [0] }), bad).rejects.toMatchObject({ code: 'VALIDATION' })
    }
    settingsFolder = ''
    chosenFolder = '//fileserver/share'
    await expect(queue.enqueue({ datasetId: d.id, rowIndexes: [0] })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(queue.snapshot().items).toEqual([])
    expect(server.seen).toEqual([])
    // Nothing was downloaded, so there is no folder of ours to open, whatever the settings say.
    settingsFolder = '/Applications/Zoom.app'
    await expect(queue.openFolder()).rejects.toMatchObject({ code: 'NOT_FOUND' })
    expect(opened).toEqual([])
  })

  it('keeps Zoom data from naming a folder like an application bundle (host email on a .app domain)', async () => {
    server.files.set('h', { size: 10 })
    const row = { ...recordingRow(server, 1400, [{ name: 'h', size: 10 }]), host_email: 'someone@company.app' }
    const { items } = await queue.enqueue({ datasetId: dataset([row]).id, rowIndexes: [0] })
    await queue.whenIdle()
    expect(items[0]!.relativePath.split(/[\\/]/)[0]).toBe('someone@company_app')
    await queue.openFolder(items[0]!.id)
    expect(opened).toHaveLength(1)
  })
})
