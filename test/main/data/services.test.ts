// createDataServices wired to the real Zoom client (zoom: the clients) against the sandbox,
// driven through its IPC handlers the way the renderer drives them.
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { DownloadsSnapshot } from '../../../common/contract/downloads'
import type { EventMap, EventName } from '../../../common/contract/events'
import { createDataWithHandlers, type DataWithHandlers } from './data-with-handlers'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import type { DialogPort, EventSink } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import { type Sandbox, startSandbox } from '../../sandbox'
import { DAY_MS, isoDate } from '../../sandbox/clock'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'
import { parseCsv } from './csv-parse'

const NOW = Date.UTC(2026, 2, 4, 12)
const ctx: HandlerContext = {}

/** An event sink whose events can be awaited. */
function awaitableSink() {
  const listeners = new Set<(name: EventName, payload: unknown) => void>()
  const sink: EventSink & { next<E extends EventName>(name: E, test: (payload: EventMap[E]) => boolean): Promise<EventMap[E]> } = {
    emit(name, payload) {
      for (const listener of listeners) listener(name, structuredClone(payload))
    },
    next(name, test) {
      return new Promise((resolve) => {
        const listener = (event: EventName, payload: unknown) => {
          if (event === name && test(payload as EventMap[typeof name])) {
            listeners.delete(listener)
            resolve(payload as EventMap[typeof name])
          }
        }
        listeners.add(listener)
      })
    },
  }
  return sink
}

describe('data services on the real Zoom client', () => {
  let sandbox: Sandbox
  let dir: string
  let services: DataWithHandlers
  let events: ReturnType<typeof awaitableSink>
  let savePath: string | undefined
  let token: string
  let downloadFolder: string

  const dialogs: DialogPort = {
    chooseSaveFile: async () => savePath,
    chooseOpenFile: async () => undefined,
    chooseFolder: async () => undefined,
    confirm: async () => false,
  }

  const crawl = async (input: Parameters<DataWithHandlers['handlers']['data.crawl']>[0]): Promise<JobProgress> => {
    const first = await services.handlers['data.crawl'](input, ctx)
    const done = events.next('data.job', (p) => p.jobId === first.jobId && p.state !== 'running')
    await services.jobs.get(first.jobId).start()
    return done
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, users: 150, plan: 'unlimited', now: () => NOW })
    dir = await mkdtemp(join(tmpdir(), 'zc-services-'))
    downloadFolder = join(dir, 'recordings')
    const tokens = sandboxTokens(sandbox)
    token = (await tokens.getAccessToken('p1')).accessToken
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: { ...FAST_TIMEOUTS, idle: 500 }, rateLimiting: false })
    events = awaitableSink()
    services = createDataWithHandlers({
      zoom: clients,
      dialogs,
      shell: { openPath: async () => undefined, openExternal: async () => undefined },
      events,
      settings: async () => ({ downloadConcurrency: 2, downloadFolder }),
      log: memoryLogSink(),
      options: { progressIntervalMs: 20, stallTimeoutMs: 400, retryDelayMs: 0, downloadAttempts: 4 },
    })
  })
  afterAll(async () => {
    await services.shutdown()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('crawls, windows, exports and closes a users dataset through the handlers', async () => {
    const done = await crawl({ profileId: 'p1', resource: 'users', params: {} })
    expect(done.state).toBe('done')
    const info = await services.handlers['data.dataset']({ datasetId: done.datasetId }, ctx)
    expect(info.rows).toBe(done.rows)
    expect(info.defaultColumns[0]).toBe('email')
    expect(info.availableColumns).toContain('created_at')

    const window = await services.handlers['data.rows']({ datasetId: done.datasetId, offset: 0, limit: 5, sort: { column: 'email', direction: 'asc' }, columns: ['email', 'id'] }, ctx)
    const emails = window.rows.map((r) => r.cells[0] as string)
    expect(emails).toEqual([...emails].sort())
    const row = (await services.handlers['data.row']({ datasetId: done.datasetId, index: window.rows[0]!.index }, ctx)) as { id: string }
    expect(row.id).toBe(window.rows[0]!.cells[1])

    savePath = join(dir, 'users.csv')
    // The export says how far it got, as events of its dataset.
    const begun = events.next('data.exportProgress', (p) => p.datasetId === done.datasetId)
    const exported = await services.handlers['data.export']({ datasetId: done.datasetId, format: 'csv', columns: ['email', 'id'], sort: { column: 'email', direction: 'asc' } }, ctx)
    expect(await begun).toEqual({ datasetId: done.datasetId, written: 0, total: done.rows })
    expect(exported.rows).toBe(done.rows)
    const records = parseCsv(await readFile(savePath, 'utf8'))
    expect(records.slice(1, 6).map((r) => r[0])).toEqual(emails)

    // Cancelled through its call (the signal app.cancelCall aborts): nothing is written.
    const cancelled = new AbortController()
    cancelled.abort(new AppError('CANCELLED', 'Cancelled.'))
    savePath = join(dir, 'cancelled.csv')
    await expect(services.handlers['data.export']({ datasetId: done.datasetId, format: 'csv' }, { signal: cancelled.signal })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(existsSync(savePath)).toBe(false)
    expect(existsSync(`${savePath}.part`)).toBe(false)

    const detail = (await services.handlers['data.detail']({ profileId: 'p1', resource: 'user', id: row.id }, ctx)) as { id: string }
    expect(detail.id).toBe(row.id)
    expect(Array.isArray(await services.handlers['data.rateUsage']({ profileId: 'p1' }, ctx))).toBe(true)

    await services.handlers['data.closeDataset']({ datasetId: done.datasetId }, ctx)
    await expect(Promise.resolve().then(() => services.handlers['data.dataset']({ datasetId: done.datasetId }, ctx))).rejects.toMatchObject({ code: 'NOT_FOUND' })
  })

  it('downloads recordings with Range resume after truncated and stalled bodies, then skips them', async () => {
    const done = await crawl({ profileId: 'p1', resource: 'recordings', params: { from: isoDate(NOW - 40 * DAY_MS), to: isoDate(NOW) }, users: 'all' })
    expect(done.state).toBe('done')
    const window = await services.handlers['data.rows']({ datasetId: done.datasetId, offset: 0, limit: 1000, columns: ['recording_count'] }, ctx)
    const chosen = window.rows.filter((r) => (r.cells[0] as number) >= 2).slice(0, 2).map((r) => r.index)
    expect(chosen).toHaveLength(2)

    sandbox.resetStats()
    sandbox.setFaults([
      { kind: 'truncate', pathPrefix: '/rec/download/', count: 1 },
      { kind: 'stall', pathPrefix: '/rec/download/', skip: 1, count: 1 },
    ])
    const queued = await services.handlers['downloads.enqueue']({ datasetId: done.datasetId, rowIndexes: chosen }, ctx)
    const files = queued.items.length
    expect(files).toBeGreaterThanOrEqual(4)
    await services.downloads.whenIdle()
    sandbox.setFaults([])

    const snapshot = await services.handlers['downloads.list'](undefined, ctx)
    expect(snapshot.items.map((i) => i.state)).toEqual(Array(files).fill('done'))
    expect(snapshot.receivedBytes).toBe(snapshot.totalBytes)
    expect(sandbox.stats().faults).toMatchObject({ truncate: 1, stall: 1 })
    // Every file was asked once, and once more after each fault. The stalled transfer had half its
    // bytes on disk, so it went on with Range (206). The truncated one may have had none: a reset
    // can reach the client before the bytes sent ahead of it, and a resume from nothing is a plain GET.
    const { '200': whole = 0, '206': ranged = 0 } = sandbox.stats().downloads
    expect(whole + ranged).toBeGreaterThanOrEqual(files + 2)
    expect(ranged).toBeGreaterThanOrEqual(1)

    const rows = await Promise.all(chosen.map((index) => services.handlers['data.row']({ datasetId: done.datasetId, index }, ctx)))
    const urls = rows.flatMap((r) => (r as { recording_files: { download_url: string }[] }).recording_files.map((f) => f.download_url))
    for (const [i, item] of snapshot.items.entries()) {
      const reference = Buffer.from(await (await fetch(urls[i]!, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer())
      const written = await readFile(join(item.folder, item.relativePath))
      expect(written.length).toBe(item.fileSize)
      expect(written.equals(reference)).toBe(true)
      expect(existsSync(`${join(item.folder, item.relativePath)}.part`)).toBe(false)
    }

    // A file whose listed size disagrees with what the server has: reported, nothing left behind.
    // (Rows live in the dataset's database: the wrong size goes in as a copy of the row under another uuid.)
    const row = structuredClone(rows[0]) as { uuid: string; recording_files: { file_size: number }[] }
    row.uuid = `${row.uuid}-listed-wrong`
    row.recording_files[0]!.file_size += 1
    const dataset = services.datasets.get(done.datasetId)
    expect(await dataset.add([row])).toBe(1)
    downloadFolder = join(dir, 'mismatch')
    const mismatched = await services.handlers['downloads.enqueue']({ datasetId: done.datasetId, rowIndexes: [dataset.rowCount - 1] }, ctx)
    await services.downloads.whenIdle()
    const failed = (await services.handlers['downloads.list'](undefined, ctx)).items.find((i) => i.id === mismatched.items.find((m) => m.folder.endsWith('mismatch'))!.id)!
    expect(failed).toMatchObject({ state: 'failed', error: { code: 'DOWNLOAD_SIZE_MISMATCH' } })
    expect(existsSync(join(failed.folder, failed.relativePath))).toBe(false)
    expect(existsSync(`${join(failed.folder, failed.relativePath)}.part`)).toBe(false)
    downloadFolder = join(dir, 'recordings')

    await services.handlers['downloads.clearFinished'](undefined, ctx)
    const changed = events.next('downloads.changed', (s: DownloadsSnapshot) => s.items.length > 0 && s.items.every((i) => i.state === 'skipped'))
    await services.handlers['downloads.enqueue']({ datasetId: done.datasetId, rowIndexes: chosen }, ctx)
    await services.downloads.whenIdle()
    expect((await changed).items).toHaveLength(files)
  })
})
