// The whole account's cloud recordings in one listing (GET /accounts/me/recordings: the ordinary
// list /accounts/{accountId}/recordings, or `users: 'account'` on the per-user list), through the
// data handlers on the real Zoom client against the sandbox: the same rows as one listing per user,
// in far fewer requests, each with its host's e-mail; refused parameters and windows are said up
// front; a grant without the listing's scope gets a message naming the scopes to add.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { JobProgress } from '../../../common/contract/data'
import { createDataWithHandlers, type DataWithHandlers as DataServices } from './data-with-handlers'
import type { HandlerContext } from '../../../main/ipc/types'
import { memoryLogSink } from '../../../main/log/logger'
import { createZoomClients } from '../../../main/zoom'
import { accountRecordingsAllowed } from '../../../common/zoom/account-recordings'
import { type Sandbox, startSandbox } from '../../sandbox'
import { FAST_RETRY, FAST_TIMEOUTS, profileLookup, sandboxProfile, sandboxTokens } from '../zoom/sandbox-helpers'
import { recordingSink, storedRows } from './harness'
import { planCrawl } from '../../../main/data/jobs/crawl-plan'

const NOW = Date.UTC(2026, 2, 4, 12)
const ctx: HandlerContext = {}
const RANGE = { from: '2026-01-10', to: '2026-03-04' }

function servicesFor(sandbox: Sandbox): DataServices {
  const tokens = sandboxTokens(sandbox)
  const clients = createZoomClients({ tokens, profiles: profileLookup(sandboxProfile(sandbox)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, rateLimiting: false })
  return createDataWithHandlers({
    zoom: clients,
    grant: () => ({ level: 'admin', granted: undefined }),
    dialogs: { chooseSaveFile: async () => undefined, chooseOpenFile: async () => undefined, chooseFolder: async () => undefined, confirm: async () => false },
    shell: { openPath: async () => undefined, openExternal: async () => undefined },
    events: recordingSink(),
    settings: async () => ({ downloadConcurrency: 1, downloadFolder: '/nonexistent' }),
    log: memoryLogSink(),
    options: { progressIntervalMs: 20 },
  })
}

describe('the account-wide recordings listing', () => {
  let sandbox: Sandbox
  let services: DataServices

  const crawl = async (svc: DataServices, input: Parameters<DataServices['handlers']['data.crawl']>[0]): Promise<JobProgress> => {
    const first = await svc.handlers['data.crawl'](input, ctx)
    await svc.jobs.get(first.jobId).start()
    return svc.jobs.get(first.jobId).snapshot()
  }
  const uuids = async (svc: DataServices, datasetId: string) => (await storedRows<{ uuid: string }>(svc.datasets.get(datasetId))).map((row) => row.uuid).sort()

  async function inactiveUserIds(): Promise<string[]> {
    const token = (await sandboxTokens(sandbox).getAccessToken('p1')).accessToken
    const response = await fetch(`${sandbox.url}/v2/users?status=inactive&page_size=300`, { headers: { authorization: `Bearer ${token}` } })
    return ((await response.json()) as { users: { id: string }[] }).users.map((user) => user.id)
  }

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 41, users: 90, plan: 'unlimited', now: () => NOW })
    services = servicesFor(sandbox)
  })
  afterAll(async () => {
    await services.shutdown()
    await sandbox.close()
  })

  it('loads every user’s recordings (inactive users’ too) in one listing per month window, each with its host’s e-mail', async () => {
    sandbox.resetStats()
    const perUser = await crawl(services, { profileId: 'p1', resource: 'recordings', params: RANGE, users: 'all' })
    expect(perUser, JSON.stringify(perUser.error ?? perUser.errors[0])).toMatchObject({ state: 'done' })
    const perUserRequests = sandbox.stats().apiTotal
    sandbox.resetStats()
    const account = await crawl(services, { profileId: 'p1', resource: 'recordings', params: RANGE, users: 'account' })
    expect(account, JSON.stringify(account.error ?? account.errors[0])).toMatchObject({ state: 'done' })
    const accountRequests = sandbox.stats().apiTotal

    expect(account.rows).toBeGreaterThan(10)
    // Every user's listing covers the active users (the fan-out lists /users, active by default);
    // the account's listing has theirs and the inactive users' recordings too.
    const all = await uuids(services, account.datasetId)
    const listedPerUser = await uuids(services, perUser.datasetId)
    expect(all).toEqual(expect.arrayContaining(listedPerUser))
    const inactive = await inactiveUserIds()
    const accountRows = await storedRows<{ uuid: string; host_id: string; host_email?: string }>(services.datasets.get(account.datasetId))
    const extraHosts = accountRows.filter((row) => !listedPerUser.includes(row.uuid)).map((row) => row.host_id)
    // Asserted, not assumed: with no extra rows the check below would pass over an empty list.
    expect(extraHosts.length, 'the account listing has recordings the per-user listing lacks').toBeGreaterThan(0)
    for (const host of extraHosts) expect(inactive).toContain(host)
    // 55 days: two month windows, one page each (300 rows a page), instead of users × windows.
    expect(accountRequests).toBe(2)
    expect(perUserRequests).toBeGreaterThan(90)
    for (const row of accountRows) expect(row.host_email).toMatch(/@/)
    // One listing, no users gone over: progress counts rows against Zoom's total_records.
    expect(account.unitsTotal).toBeUndefined()
    expect(account.rows).toBe(account.totalRecords)
    // The dataset keeps the name it was asked by: the tab's list, whose rows these are.
    expect(account.resource).toBe('/users/{userId}/recordings')
  })

  it('is an ordinary list, /accounts/{accountId}/recordings, with the account `me` unless another is given', async () => {
    const plan = planCrawl({ resource: '/accounts/{accountId}/recordings', params: RANGE }, undefined, NOW)
    expect(plan).toMatchObject({ pathValues: { accountId: 'me' }, fanOut: [], users: undefined })
    expect(plan.queries.windows).toHaveLength(2)
    sandbox.resetStats()
    const direct = await crawl(services, { profileId: 'p1', resource: '/accounts/{accountId}/recordings', params: RANGE })
    expect(direct, JSON.stringify(direct.error)).toMatchObject({ state: 'done', resource: '/accounts/{accountId}/recordings' })
    expect(sandbox.stats().api['GET /v2/accounts/{accountId}/recordings']?.['200']).toBe(2)
    const viaAlias = await crawl(services, { profileId: 'p1', resource: 'recordings', params: RANGE, users: 'account' })
    expect(await uuids(services, direct.datasetId)).toEqual(await uuids(services, viaAlias.datasetId))
    expect((await services.datasets.get(direct.datasetId).info()).defaultColumns).toEqual((await services.datasets.get(viaAlias.datasetId).info()).defaultColumns)
  })

  it('refuses what the listing does not take, before any request', async () => {
    sandbox.resetStats()
    const start = (input: Parameters<DataServices['handlers']['data.crawl']>[0]) => (async () => services.handlers['data.crawl'](input, ctx))()
    await expect(start({ profileId: 'p1', resource: 'recordings', params: { ...RANGE, meeting_id: 5 }, users: 'account' })).rejects.toMatchObject({
      code: 'VALIDATION',
      message: expect.stringContaining('meeting_id'),
    })
    await expect(start({ profileId: 'p1', resource: 'meetings', params: {}, users: 'account' })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(sandbox.stats().apiTotal).toBe(0)
  })

  it('names the scopes to add when the grant lacks the account-wide listing', async () => {
    const narrowZoom = await startSandbox({ seed: 41, users: 20, plan: 'unlimited', now: () => NOW, apps: { s2s: { scopes: ['cloud_recording:read:list_user_recordings:admin', 'user:read:list_users:admin'] } } })
    const narrow = servicesFor(narrowZoom)
    try {
      const job = await crawl(narrow, { profileId: 'p1', resource: 'recordings', params: RANGE, users: 'account' })
      expect(job.state).toBe('failed')
      expect(job.error, JSON.stringify(job.error)).toMatchObject({ code: 'ZOOM_SCOPE_MISSING', message: expect.stringContaining('cloud_recording:read:list_account_recordings:admin') })
    } finally {
      await narrow.shutdown()
      await narrowZoom.close()
    }
    expect(accountRecordingsAllowed(['cloud_recording:read:list_user_recordings:admin'])).toBe(false)
    expect(accountRecordingsAllowed(['recording:read:admin'])).toBe(false)
    expect(accountRecordingsAllowed(['account:read:admin'])).toBe(true)
    expect(accountRecordingsAllowed(['cloud_recording:read:list_account_recordings:master'])).toBe(true)
  })
})
