// "Keep this list" on a list loaded in Browse (data.crawl, then data.keep), then opened
// again after a restart (data.kept, data.openKept).
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import type { DataWithHandlers } from './data-with-handlers'
import { crawledUsers, ctx, dataFolder, keptPath, keptServices } from './kept-services'

const NOW = Date.UTC(2026, 2, 4, 12)

describe('keeping a crawled list', () => {
  let sandbox: Sandbox
  let dir: string
  const running: DataWithHandlers[] = []
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, users: 30, plan: 'unlimited', now: () => NOW })
    dir = await dataFolder()
  })
  afterAll(async () => {
    for (const services of running) await services.shutdown()
    await sandbox?.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps the users list Browse loaded, with its grid’s view, and opens it again after a restart', async () => {
    const first = keptServices(sandbox, dir)
    running.push(first)
    const crawl = await crawledUsers(first)
    const rows = first.datasets.get(crawl.datasetId).rowCount
    expect(rows).toBeGreaterThan(0)
    const view = { sort: { column: 'email', direction: 'desc' as const }, filterText: 'example', columns: ['email', 'id'] }
    const kept = await first.handlers['data.keep']({ datasetId: crawl.datasetId, view }, ctx)
    expect(kept).toMatchObject({ datasetId: crawl.datasetId, rows, complete: true, refreshable: true, view })
    expect(existsSync(keptPath(dir, crawl.datasetId))).toBe(true)
    await first.shutdown()

    const next = keptServices(sandbox, dir)
    running.push(next)
    // It comes back as it was shown when kept.
    expect((await next.handlers['data.kept']({}, ctx)).map((k) => [k.datasetId, k.view])).toEqual([[crawl.datasetId, view]])
    const opened = await next.handlers['data.openKept']({ datasetId: crawl.datasetId }, ctx)
    expect(opened).toMatchObject({ datasetId: crawl.datasetId, rows, complete: true })
    const window = await next.handlers['data.rows']({ datasetId: crawl.datasetId, offset: 0, limit: 5 }, ctx)
    expect(window.rows).toHaveLength(Math.min(5, rows))
  })
})
