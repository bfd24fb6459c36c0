// fanout_rate_utilisation and fanout_lost_pages: the meetings of all users (a fan-out crawl:
// the users list, then one meetings list per user, six at a time) through the product's crawl
// job, against a sandbox enforcing the Business plan's limits (Medium: 60 requests/s per account,
// fixed one-second windows, 429 beyond) with 20 ms latency, the profile set to the same plan.
//   utilisation = successful Medium requests per second over the crawl ÷ 60;
//   lost pages  = pages of a reference listing (taken beforehand with limits and latency off)
//                 with any row missing from the dataset, plus users whose listing failed.
import got from 'got'
import { LIST_RESOURCES } from '../../common/zoom/catalog'
import { planLimits } from '../../common/zoom/rate-limits'
import { getPath } from '../../main/data/datasets/paths'
import { metric, type Metric } from '../report'
import { dataStack } from './support/data-stack'
import { type SandboxProcess, withSandbox } from './support/sandbox-process'

const USERS = 1000
const LATENCY_MS = 20
const PLAN = 'business'

export async function measureFanoutRate(): Promise<Metric[]> {
  return withSandbox({ seed: 15, users: USERS, plan: 'unlimited', latencyMs: 0 }, async (sandbox) => {
    const stack = await dataStack(sandbox, { ratePlan: PLAN })
    try {
      const resource = LIST_RESOURCES.meetings
      const rowKey = (row: unknown) => {
        for (const key of resource.idKeys) {
          const value = getPath(row, key)
          if (value !== undefined && value !== null && value !== '') return `${key}:${String(value)}`
        }
        throw new Error('a meeting without uuid or id')
      }
      const { accessToken } = await stack.stack.tokens.getAccessToken(stack.stack.profile.id)
      const reference = await referenceListing(sandbox, accessToken, resource.maxPageSize ?? 300, rowKey)

      await sandbox.setPlan(PLAN)
      await sandbox.setLatency(LATENCY_MS)
      await sandbox.resetStats()
      const { progress, dataset } = await stack.crawl('meetings', { type: 'scheduled' }, 'all')
      const stats = await sandbox.stats()
      if (progress.state !== 'done' || progress.finishedAt === undefined) throw new Error(`the fan-out ended ${progress.state}: ${progress.error?.message ?? ''}`)

      const medium = ['GET /v2/users', 'GET /v2/users/{userId}/meetings']
      const ok = medium.reduce((n, route) => n + (stats.api[route]?.['200'] ?? 0), 0)
      const rejected = medium.reduce((n, route) => n + (stats.api[route]?.['429'] ?? 0), 0)
      const seconds = (progress.finishedAt - progress.startedAt) / 1000
      const limit = planLimits(PLAN).categories.medium.perSecond
      const achieved = ok / seconds

      const have = new Set<string>()
      for await (const row of dataset.iterate(await dataset.view({}))) have.add(rowKey(row))
      const lostRows = reference.pages.filter((page) => page.some((key) => !have.has(key))).length
      const lost = lostRows + progress.errors.length
      const detail = `${ok} Medium requests in ${seconds.toFixed(2)} s = ${achieved.toFixed(2)}/s against ${limit}/s (Business), ${rejected} answered 429, ${progress.rateLimitWaits} client-side waits; ${progress.unitsTotal ?? 0} users, ${dataset.rowCount} meetings`
      return [
        metric('fanout_rate_utilisation', achieved / limit, '', { kind: 'min', limit: 0.95 }, detail),
        metric('fanout_lost_pages', lost, 'pages', { kind: 'equal', limit: 0 }, `of ${reference.pages.length} reference pages (${reference.rows} meetings): ${lostRows} with missing rows, ${progress.errors.length} failed users`),
      ]
    } finally {
      await stack.close()
    }
  })
}

/** Every page of every active user's meetings, as row keys, fetched with the limits off. */
async function referenceListing(sandbox: SandboxProcess, accessToken: string, pageSize: number, rowKey: (row: unknown) => string) {
  const headers = { authorization: `Bearer ${accessToken}` }
  const list = async <T>(path: string, key: string, query: Record<string, string | number>, onPage: (rows: T[]) => void) => {
    let pageToken = ''
    do {
      const body = await got.get(`${sandbox.url}/v2${path}`, { headers, searchParams: { ...query, ...(pageToken ? { next_page_token: pageToken } : {}) } }).json<Record<string, unknown>>()
      onPage((body[key] as T[] | undefined) ?? [])
      pageToken = typeof body.next_page_token === 'string' ? body.next_page_token : ''
    } while (pageToken !== '')
  }
  const userIds: string[] = []
  await list<{ id: string }>('/users', 'users', { page_size: 2000 }, (rows) => userIds.push(...rows.map((u) => u.id)))
  const pages: string[][] = []
  let rows = 0
  for (const id of userIds) {
    await list(`/users/${encodeURIComponent(id)}/meetings`, 'meetings', { type: 'scheduled', page_size: pageSize }, (page) => {
      pages.push(page.map(rowKey))
      rows += page.length
    })
  }
  return { pages, rows }
}
