// One user's data through the data handlers on the real Zoom client, against the sandbox: the
// type-ahead (loaded users list first, else GET /users/{email}), a per-user crawl named by
// e-mail whose rows carry the host's e-mail, the filter over every column, "select all N" under
// a filter, and exports with labels or raw values and the BOM for Excel.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../common/contract/data'
import { MAX_SELECTED_ROWS } from '../../../common/contract/define'
import { createDataWithHandlers, type DataWithHandlers } from './data-with-handlers'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import type { DialogPort } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import { LIST_RESOURCES, scopesForApp } from '../../../common/zoom/catalog'
import { type Sandbox, startSandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'
import { parseCsv } from './csv-parse'
import { recordingSink } from './harness'

const NOW = Date.UTC(2026, 2, 4, 12)
const ctx: HandlerContext = {}

describe('one user’s data', () => {
  let sandbox: Sandbox
  let dir: string
  let services: DataWithHandlers
  let savePath: string | undefined
  let token: string
  const events = recordingSink()
  const dialogs: DialogPort = { chooseSaveFile: async () => savePath, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false }

  const crawl = async (input: Parameters<DataWithHandlers['handlers']['data.crawl']>[0]): Promise<JobProgress> => {
    const first = await services.handlers['data.crawl'](input, ctx)
    await services.jobs.get(first.jobId).start()
    return services.jobs.get(first.jobId).snapshot()
  }
  const zoom = async <T>(path: string): Promise<T> => (await (await fetch(`${sandbox.url}/v2${path}`, { headers: { authorization: `Bearer ${token}` } })).json()) as T

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 33, users: 120, plan: 'unlimited', now: () => NOW })
    dir = await mkdtemp(join(tmpdir(), 'zc-one-user-'))
    const tokens = sandboxTokens(sandbox)
    token = (await tokens.getAccessToken('p1')).accessToken
    const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false })
    services = createDataWithHandlers({
      zoom: clients,
      dialogs,
      shell: { openPath: async () => undefined, openExternal: async () => undefined },
      events,
      settings: async () => ({ downloadConcurrency: 2, downloadFolder: dir }),
      log: memoryLogSink(),
      options: { progressIntervalMs: 20 },
    })
  })
  afterAll(async () => {
    await services.shutdown()
    await sandbox.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** A user with a few meetings, as Zoom lists them. */
  async function someHost() {
    const { users } = await zoom<{ users: { id: string; email: string; display_name?: string }[] }>('/users?page_size=300')
    for (const user of users) {
      const { meetings } = await zoom<{ meetings: { uuid: string; host_id: string }[] }>(`/users/${user.id}/meetings?page_size=300`)
      if (meetings.length >= 2) return { user, meetings }
    }
    throw new Error('the sandbox seed has no user with meetings')
  }

  it('finds a user Zoom knows by whole e-mail before any list is loaded, and nobody for an unknown one', async () => {
    const { user } = await someHost()
    sandbox.resetStats()
    const found = await services.handlers['data.findUsers']({ profileId: 'p1', query: user.email.toUpperCase(), limit: 5 }, ctx)
    expect(found).toEqual([expect.objectContaining({ id: user.id, email: user.email, source: 'zoom' })])
    expect(await services.handlers['data.findUsers']({ profileId: 'p1', query: 'nobody@nowhere.example', limit: 5 }, ctx)).toEqual([])
    // Part of a name is not a key Zoom can look up: no request is sent for it.
    const before = sandbox.stats().apiTotal
    expect(await services.handlers['data.findUsers']({ profileId: 'p1', query: 'an e', limit: 5 }, ctx)).toEqual([])
    expect(sandbox.stats().apiTotal).toBe(before)
  })

  it('offers users of a loaded users list by part of the e-mail, name or ID, without asking Zoom', async () => {
    const users = await crawl({ profileId: 'p1', resource: 'users', params: {} })
    const { user } = await someHost()
    const part = user.email.slice(0, Math.max(3, user.email.indexOf('@') - 1))
    const before = sandbox.stats().apiTotal
    const matches = await services.handlers['data.findUsers']({ profileId: 'p1', query: part, limit: 50 }, ctx)
    expect(sandbox.stats().apiTotal).toBe(before)
    expect(matches.map((m) => m.id)).toContain(user.id)
    expect(matches.every((m) => m.source === 'dataset' && [m.email, m.name ?? '', m.id].some((t) => t.toLowerCase().includes(part.toLowerCase())))).toBe(true)
    expect(await services.handlers['data.findUsers']({ profileId: 'p1', query: user.id, limit: 5 }, ctx)).toEqual([expect.objectContaining({ id: user.id, email: user.email })])
    await services.handlers['data.closeDataset']({ datasetId: users.datasetId }, ctx)
  })

  it('crawls one user’s meetings named by e-mail; every row carries the host’s e-mail', async () => {
    const { user, meetings } = await someHost()
    const done = await crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: [user.email] })
    expect(done.state).toBe('done')
    expect(done.errors).toEqual([])
    expect(done.unitsTotal).toBe(1)
    const window = await services.handlers['data.rows']({ datasetId: done.datasetId, offset: 0, limit: 1000, columns: ['uuid', 'host_email', 'host_id'] }, ctx)
    expect(window.rows.map((r) => r.cells[0]).sort()).toEqual(meetings.map((m) => m.uuid).sort())
    expect(new Set(window.rows.map((r) => r.cells[1]))).toEqual(new Set([user.email]))
    expect(new Set(window.rows.map((r) => r.cells[2]))).toEqual(new Set([user.id]))
    expect((await services.handlers['data.dataset']({ datasetId: done.datasetId }, ctx)).defaultColumns).toContain('host_email')

    // The grid filter finds the rows by the host's e-mail although Zoom's rows had only host_id.
    const filtered = await services.handlers['data.rows']({ datasetId: done.datasetId, offset: 0, limit: 10, columns: ['topic'], filter: { text: user.email } }, ctx)
    expect(filtered.filteredTotal).toBe(meetings.length)
    const none = await services.handlers['data.rows']({ datasetId: done.datasetId, offset: 0, limit: 10, filter: { text: 'no such text anywhere' } }, ctx)
    expect(none.filteredTotal).toBe(0)
  })

  it('shows a live 429 wait in the progress, then goes on', async () => {
    const { user, meetings } = await someHost()
    sandbox.setFaults([{ kind: 'rate-limit', pathPrefix: `/v2/users/${user.id}/meetings`, count: 1, retryAfter: 1 }])
    const before = events.jobEvents().length
    const done = await crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: [user.id] })
    sandbox.setFaults([])
    expect(done).toMatchObject({ state: 'done', rows: meetings.length })
    const waiting = events.jobEvents().slice(before).filter((p) => p.jobId === done.jobId && p.rateLimitedUntil !== undefined)
    expect(waiting.length).toBeGreaterThan(0)
    expect(waiting[0]!.rateLimitedUntil).toBeGreaterThanOrEqual(waiting[0]!.startedAt + 1000)
    expect(waiting[0]!.state).toBe('running')
  })

  it('fails a crawl for an e-mail Zoom does not know, saying so', async () => {
    const done = await crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: ['nobody@nowhere.example'] })
    expect(done.state).toBe('failed')
    expect(done.error?.message).toContain('nobody@nowhere.example')
    expect((await services.handlers['data.dataset']({ datasetId: done.datasetId }, ctx)).complete).toBe(false)
  })

  it('selects all N rows under a filter, in view order', async () => {
    const users = await crawl({ profileId: 'p1', resource: 'users', params: {} })
    const filter = { text: 'licensed' }
    const sort = { column: 'email', direction: 'desc' as const }
    const window = await services.handlers['data.rows']({ datasetId: users.datasetId, offset: 0, limit: 1000, columns: ['email'], filter, sort }, ctx)
    const selected = await services.handlers['data.select']({ datasetId: users.datasetId, filter, sort }, ctx)
    expect(window.filteredTotal).toBeGreaterThan(0)
    expect(window.filteredTotal).toBeLessThan(users.rows)
    expect(selected).toEqual({ indexes: window.rows.map((r) => r.index), total: users.rows })
  })

  it('refuses "select all" past the bound of a selection, and selects under a filter that narrows to it', async () => {
    const big = services.datasets.create('p1', LIST_RESOURCES.users, 0)
    big.add(Array.from({ length: MAX_SELECTED_ROWS + 1 }, (_, i) => ({ id: `u${i}`, email: i === 7 ? 'needle@example.com' : `user${i}@example.com` })))
    await expect(services.handlers['data.select']({ datasetId: big.id }, ctx)).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('filter the list first') })
    expect(await services.handlers['data.select']({ datasetId: big.id, filter: { text: 'needle' } }, ctx)).toEqual({ indexes: [7], total: MAX_SELECTED_ROWS + 1 })
    services.datasets.close(big.id)
  })

  it('exports labels as the grid shows them, raw values on request, and a BOM for Excel', async () => {
    const users = await crawl({ profileId: 'p1', resource: 'users', params: {} })
    const columns = ['email', 'type']
    const sort = { column: 'email', direction: 'asc' as const }
    const window = await services.handlers['data.rows']({ datasetId: users.datasetId, offset: 0, limit: 1000, columns, sort }, ctx)
    const rawTypes = window.rows.map((r) => String(r.cells[1]))
    const named: Record<string, string> = { '1': 'Basic', '2': 'Licensed', '3': 'On-prem', '4': 'Unassigned', '99': 'None' }

    savePath = join(dir, 'labels.csv')
    const labelled = await services.handlers['data.export']({ datasetId: users.datasetId, format: 'csv', columns, sort }, ctx)
    expect(labelled.incomplete).toBeUndefined()
    const labelText = await readFile(savePath, 'utf8')
    expect(labelText.charCodeAt(0)).not.toBe(0xfeff)
    expect(parseCsv(labelText).slice(1).map((r) => r[1])).toEqual(rawTypes.map((t) => named[t] ?? t))

    savePath = join(dir, 'raw-excel.csv')
    await services.handlers['data.export']({ datasetId: users.datasetId, format: 'csv', columns, sort, values: 'raw', excel: true }, ctx)
    const bytes = await readFile(savePath)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(parseCsv(bytes.subarray(3).toString('utf8')).slice(1).map((r) => r[1])).toEqual(rawTypes)

    // CSV for Excel with labels: Zoom's UTC times as Excel reads them, the same instants.
    const timed = ['email', 'created_at']
    const times = (await services.handlers['data.rows']({ datasetId: users.datasetId, offset: 0, limit: 1000, columns: timed, sort }, ctx)).rows.map((r) => String(r.cells[1]))
    expect(times.every((t) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(t))).toBe(true)
    savePath = join(dir, 'labels-excel.csv')
    await services.handlers['data.export']({ datasetId: users.datasetId, format: 'csv', columns: timed, sort, excel: true }, ctx)
    const excelTimes = parseCsv((await readFile(savePath)).subarray(3).toString('utf8')).slice(1).map((r) => r[1])
    expect(excelTimes).toEqual(times.map((t) => t.replace('T', ' ').replace('Z', '')))
  })

  it('a 403 names the scopes this app type can be granted, as the presets and tab warnings do', async () => {
    const limited = await startSandbox({ seed: 34, users: 10, plan: 'unlimited', now: () => NOW, apps: { s2s: { scopes: ['user:read:list_users:admin'] } } })
    try {
      const clients = createZoomClients({ tokens: sandboxTokens(limited), profiles: profileLookup(sandboxProfile(limited)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false })
      const limitedServices = createDataWithHandlers({
        zoom: clients,
        grant: () => ({ level: 'admin', granted: undefined }),
        dialogs,
        shell: { openPath: async () => undefined, openExternal: async () => undefined },
        events: recordingSink(),
        settings: async () => ({ downloadConcurrency: 1, downloadFolder: dir }),
        log: memoryLogSink(),
      })
      const first = await limitedServices.handlers['data.crawl']({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' }, ctx)
      await limitedServices.jobs.get(first.jobId).start()
      const done = limitedServices.jobs.get(first.jobId).snapshot()
      const error = done.error ?? done.errors[0]?.error
      expect(error).toMatchObject({ code: 'ZOOM_SCOPE_MISSING', details: { acceptedScopes: scopesForApp(LIST_RESOURCES.meetings, 'admin') } })
      expect(error?.message).toContain(scopesForApp(LIST_RESOURCES.meetings, 'admin').join(', '))
      expect(error?.message).not.toMatch(/meeting:read(,|\s|$)/)
      await limitedServices.shutdown()
    } finally {
      await limited.close()
    }
  })
})
