// Refresh of a kept list crawls it again and keeps the new crawl in its place. The old
// copy is the person's data: a Refresh that fails or is cancelled (or an app that ends mid-way)
// must not leave them with less than they had.
import { existsSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import type { DataWithHandlers } from './data-with-handlers'
import { crawledUsers, ctx, dataFolder, keptPath, keptServices } from './kept-services'

const NOW = Date.UTC(2026, 2, 4, 12)

describe('Refresh of a kept list', () => {
  let sandbox: Sandbox
  let dir: string
  let services: DataWithHandlers
  /** While set, every listing waits until its crawl is cancelled (Zoom does not answer). */
  let hang = false

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 21, users: 30, plan: 'unlimited', now: () => NOW })
    dir = await dataFolder()
    services = keptServices(sandbox, dir, { hang: () => hang })
  })
  afterAll(async () => {
    await services?.shutdown()
    await sandbox?.close()
    await rm(dir, { recursive: true, force: true })
  })

  /** A users list crawled whole, kept and closed. */
  async function keptUsers(): Promise<{ datasetId: string; rows: number }> {
    hang = false
    const crawl = await crawledUsers(services)
    const kept = await services.handlers['data.keep']({ datasetId: crawl.datasetId }, ctx)
    await services.handlers['data.closeDataset']({ datasetId: crawl.datasetId }, ctx)
    return { datasetId: crawl.datasetId, rows: kept.rows }
  }
  const keptIds = async () => (await services.handlers['data.kept']({}, ctx)).map((k) => k.datasetId)

  it('leaves the old copy when the new crawl is cancelled', async () => {
    const old = await keptUsers()
    hang = true
    const job = await services.handlers['data.refreshKept']({ datasetId: old.datasetId }, ctx)
    // Zoom does not answer; the person cancels (or the connection fails, or the app is quit).
    services.jobs.cancel(job.jobId)
    await services.jobs.get(job.jobId).start()
    expect(services.jobs.get(job.jobId).snapshot().state).toBe('cancelled')
    expect(await keptIds()).toContain(old.datasetId)
    expect(existsSync(keptPath(dir, old.datasetId))).toBe(true)
    const reopened = await services.handlers['data.openKept']({ datasetId: old.datasetId }, ctx)
    expect(reopened.rows).toBe(old.rows)
  })

  it('still puts a finished new crawl in the old copy’s place', async () => {
    const old = await keptUsers()
    hang = false
    const job = await services.handlers['data.refreshKept']({ datasetId: old.datasetId }, ctx)
    await services.jobs.get(job.jobId).start()
    expect(services.jobs.get(job.jobId).snapshot().state).toBe('done')
    // The old copy goes right after the crawl's end.
    await new Promise((resolve) => setImmediate(resolve))
    const ids = await keptIds()
    expect(ids).toContain(job.datasetId)
    expect(ids).not.toContain(old.datasetId)
    expect(existsSync(keptPath(dir, old.datasetId))).toBe(false)
  })
})
