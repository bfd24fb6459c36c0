// crawl_100k_*: every one of the sandbox's 100,000 users (the users list per status — active,
// inactive, pending — as three crawl jobs, because Zoom lists one status at a time) with 20 ms
// injected latency, through the product's path: data.crawl's JobManager → Zoom data ports →
// ZoomClient.paginate → datasets. Compared with pages × latency (pages counted by the sandbox) and
// with a bare sequential got loop over the same pages (the floor on this machine: it includes the
// sandbox's own time to build each page, which exceeds 20 ms for 2,000-user pages).
//
// Measured twice: at the catalog's page size for users (2,000: what the app does), and at 300,
// the page size the budget's "334 pages" assumed (the same path, only the page size overridden).
// Ours and bare alternate (after one warm-up crawl each, before the first comparison); medians.
import got from 'got'
import { listResource } from '../../common/zoom/catalog'
import { metric, median, type Metric } from '../report'
import { dataStack } from './support/data-stack'
import { type SandboxProcess, withSandbox } from './support/sandbox-process'

const USERS = 100_000
const LATENCY_MS = 20
const ROUNDS = 2
const STATUSES = ['active', 'inactive', 'pending'] as const
const BUDGET_PAGE_SIZE = 300

export async function measureCrawl100k(): Promise<Metric[]> {
  return withSandbox({ seed: 13, users: USERS, plan: 'unlimited', latencyMs: LATENCY_MS }, async (sandbox) => {
    const catalogPageSize = listResource('users').maxPageSize ?? BUDGET_PAGE_SIZE
    const app = await compare(sandbox, catalogPageSize, true)
    const budget = await compare(sandbox, BUDGET_PAGE_SIZE, false)
    return [
      metric('crawl_100k_ratio', app.oursMs / app.floorMs, '×', { kind: 'max', limit: 1.05 }, `ours / (pages × latency) at the app's page size; ${app.detail}`),
      metric('crawl_100k_vs_bare_got_ratio', app.oursMs / app.bareMs, '×', { kind: 'max', limit: 1.05 }, `ours / bare sequential got loop over the same ${app.pages} pages (the floor on this machine, same run); budget: the same 5 % allowance`),
      metric('crawl_100k_ratio_at_300', budget.oursMs / budget.floorMs, '×', { kind: 'max', limit: 1.05 }, `the same crawl at the page size the budget assumed; ${budget.detail}`),
      metric('crawl_100k_vs_bare_got_ratio_at_300', budget.oursMs / budget.bareMs, '×', { kind: 'max', limit: 1.05 }, `ours / bare got over the same ${budget.pages} pages`),
    ]
  })
}

interface Comparison {
  oursMs: number
  bareMs: number
  floorMs: number
  pages: number
  detail: string
}

async function compare(sandbox: SandboxProcess, pageSize: number, warmUp: boolean): Promise<Comparison> {
  const stack = await dataStack(sandbox, { pageSize })
  try {
    const ours = async () => {
      let rows = 0
      let waits = 0
      for (const status of STATUSES) {
        const { progress, dataset } = await stack.crawl('users', { status })
        if (progress.state !== 'done') throw new Error(`the ${status} users crawl ended ${progress.state}: ${progress.error?.message ?? ''}`)
        rows += dataset.rows.length
        waits += progress.rateLimitWaits
        stack.data.datasets.close(dataset.id)
      }
      return { rows, waits }
    }
    const bare = async () => {
      const { accessToken } = await stack.stack.tokens.getAccessToken(stack.stack.profile.id)
      let rows = 0
      for (const status of STATUSES) {
        let pageToken = ''
        do {
          const body = await got
            .get(`${sandbox.url}/v2/users`, {
              searchParams: { status, page_size: pageSize, ...(pageToken ? { next_page_token: pageToken } : {}) },
              headers: { authorization: `Bearer ${accessToken}` },
            })
            .json<{ users: unknown[]; next_page_token?: string }>()
          rows += body.users.length
          pageToken = body.next_page_token ?? ''
        } while (pageToken !== '')
      }
      return { rows, waits: 0 }
    }
    const contenders = { ours, bare }

    if (warmUp) {
      await bare()
      await ours()
    }
    const times = { ours: [] as number[], bare: [] as number[] }
    const pageCounts = new Set<number>()
    let waits = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of round % 2 === 0 ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const)) {
        await sandbox.resetStats()
        const started = performance.now()
        const result = await contenders[name]()
        times[name].push(performance.now() - started)
        if (result.rows !== USERS) throw new Error(`${name} crawled ${result.rows} users, expected ${USERS}`)
        pageCounts.add((await sandbox.stats()).api['GET /v2/users']?.['200'] ?? 0)
        waits += result.waits
      }
    }
    if (pageCounts.size !== 1) throw new Error(`page counts differ between crawls: ${[...pageCounts].join(', ')}`)
    const pages = [...pageCounts][0]!
    const floorMs = pages * LATENCY_MS
    const [oursMs, bareMs] = [median(times.ours), median(times.bare)]
    const detail = `${pages} pages of ≤ ${pageSize} users, ${LATENCY_MS} ms latency; medians of ${ROUNDS} alternating crawls: ours ${Math.round(oursMs)} ms, bare got ${Math.round(bareMs)} ms, pages × latency ${floorMs} ms; ${waits} rate-limit waits`
    return { oursMs, bareMs, floorMs, pages, detail }
  } finally {
    await stack.close()
  }
}
