// Downloads with a choice of file types, and "move to Zoom's trash once verified": only after
// every file of a recording is downloaded with its size checked, only when the person confirmed
// in main's own dialog, each move logged beside the downloads — on the real Zoom client against
// the sandbox, whose DELETE /meetings/{meetingId}/recordings?action=trash moves it to its trash.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDataWithHandlers, type DataWithHandlers } from '../data/data-with-handlers'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import type { DialogPort } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import { type Sandbox, startSandbox } from '../../sandbox'
import { DAY_MS, isoDate } from '../../sandbox/clock'
import { recordingSink, storedRows } from '../data/harness'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'

const NOW = Date.UTC(2026, 2, 4, 12)
const ctx: HandlerContext = {}

interface Row { uuid: string; host_id: string; start_time: string; recording_files: { id: string; file_type: string }[] }

describe('recording downloads: file types and the trash', () => {
  let sandbox: Sandbox
  let dir: string
  let folder: string
  let services: DataWithHandlers
  let token: string
  let confirmAnswer = true
  const confirmations: string[] = []
  const dialogs: DialogPort = {
    chooseSaveFile: async () => undefined,
    chooseOpenFile: async () => undefined,
    chooseFolder: async () => undefined,
    confirm: async (options) => {
      confirmations.push(options.message)
      return confirmAnswer
    },
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 41, users: 40, plan: 'unlimited', now: () => NOW })
    dir = await mkdtemp(join(tmpdir(), 'zc-trash-'))
    folder = join(dir, 'recordings')
    const tokens = sandboxTokens(sandbox)
    token = (await tokens.getAccessToken('p1')).accessToken
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: { ...FAST_TIMEOUTS, idle: 500 }, rateLimiting: false })
    services = createDataWithHandlers({
      zoom: clients,
      dialogs,
      shell: { openPath: async () => undefined, openExternal: async () => undefined },
      events: recordingSink(),
      settings: async () => ({ downloadConcurrency: 2, downloadFolder: folder }),
      log: memoryLogSink(),
      options: { progressIntervalMs: 20, retryDelayMs: 0, downloadAttempts: 2 },
    })
  })
  afterAll(async () => {
    await services.shutdown()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })

  const params = { from: isoDate(NOW - 40 * DAY_MS), to: isoDate(NOW) }
  async function recordings() {
    const first = await services.handlers['data.crawl']({ profileId: 'p1', resource: 'recordings', params, users: 'all' }, ctx)
    await services.jobs.get(first.jobId).start()
    const dataset = services.datasets.get(first.datasetId)
    const rows = await storedRows<Row>(dataset)
    const several = rows.map((row, index) => ({ row, index })).filter(({ row }) => new Set(row.recording_files.map((f) => f.file_type)).size >= 2)
    return { datasetId: first.datasetId, several }
  }
  /** The recordings Zoom lists (or has in its trash) for the row's host on the row's day. */
  async function listed(row: Row, trash: boolean): Promise<string[]> {
    const day = row.start_time.slice(0, 10)
    const query = new URLSearchParams({ from: day, to: day, page_size: '300', ...(trash ? { trash: 'true' } : {}) })
    const body = (await (await fetch(`${sandbox.url}/v2/users/${row.host_id}/recordings?${query}`, { headers: { authorization: `Bearer ${token}` } })).json()) as { meetings: Row[] }
    return body.meetings.map((m) => m.uuid)
  }

  it('fetches only the chosen kinds of files', async () => {
    const { datasetId, several } = await recordings()
    const { row, index } = several[0]!
    const snapshot = await services.handlers['downloads.enqueue']({ datasetId, rowIndexes: [index], fileKinds: ['video', 'transcript'] }, ctx)
    const mine = snapshot.items.filter((item) => item.relativePath.includes(String((row as unknown as { id: number }).id)))
    const expected = row.recording_files.filter((f) => f.file_type === 'MP4' || f.file_type === 'TRANSCRIPT')
    expect(mine).toHaveLength(expected.length)
    await services.downloads.whenIdle()
    expect(confirmations).toEqual([])
  })

  it('trashes a recording only after all its files are verified, after the person confirmed, and logs it', async () => {
    const { datasetId, several } = await recordings()
    const [good, broken] = [several[1]!, several[2]!]
    const brokenFile = broken.row.recording_files[0]!.id
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: `/rec/download/${brokenFile}` }])
    confirmAnswer = true
    const snapshot = await services.handlers['downloads.enqueue']({ datasetId, rowIndexes: [good.index, broken.index], trashAfterVerified: true }, ctx)
    expect(confirmations).toHaveLength(1)
    expect(snapshot.trash).toMatchObject({ waiting: 2, trashed: 0 })
    await services.downloads.whenIdle()
    sandbox.setFaults([])

    expect(services.downloads.snapshot().trash).toMatchObject({ waiting: 0, trashed: 1, kept: 1, failed: 0 })
    expect(await listed(good.row, false)).not.toContain(good.row.uuid)
    expect(await listed(good.row, true)).toContain(good.row.uuid)
    expect(await listed(broken.row, false)).toContain(broken.row.uuid)
    const log = (await readFile(join(folder, 'zoom-trash-log.jsonl'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as { outcome: string; meetingUuid: string; files: number })
    expect(log).toEqual([expect.objectContaining({ outcome: 'trashed', meetingUuid: good.row.uuid, files: good.row.recording_files.length })])
  })

  it('trashes nothing when the person declines, or when the file-type choice leaves files out', async () => {
    const { datasetId, several } = await recordings()
    const [a, b] = [several[3]!, several[4]!]
    confirmAnswer = false
    await services.handlers['downloads.enqueue']({ datasetId, rowIndexes: [a.index], trashAfterVerified: true }, ctx)
    confirmAnswer = true
    await services.handlers['downloads.enqueue']({ datasetId, rowIndexes: [b.index], trashAfterVerified: true, fileKinds: ['video'] }, ctx)
    await services.downloads.whenIdle()
    expect(await listed(a.row, false)).toContain(a.row.uuid)
    expect(await listed(b.row, false)).toContain(b.row.uuid)
    expect((await readFile(join(folder, 'zoom-trash-log.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1)
  })
})
