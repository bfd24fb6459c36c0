import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page, PageRequest } from '../../../main/data/ports'
import { type Sandbox, startSandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { sandboxPorts } from './sandbox-ports'

const USERS = 2500

describe('crawl of a single list against the sandbox', () => {
  let sandbox: Sandbox
  let expectedIds: string[]

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 11, users: USERS, plan: 'unlimited' })
    const reference = sandboxPorts(sandbox)
    expectedIds = []
    for await (const page of reference.pages({ profileId: 'p', resource: 'users', params: {}, signal: new AbortController().signal })) {
      for (const user of page.items as { id: string }[]) expectedIds.push(user.id)
    }
    expect(expectedIds.length).toBeGreaterThan(1000)
  })
  afterAll(() => sandbox.close())

  it('gets every user exactly once despite 5xx, resets, truncated JSON and 429s', async () => {
    sandbox.setFaults([
      { kind: 'status', status: 502, pathPrefix: '/v2/users', probability: 0.15 },
      { kind: 'reset', pathPrefix: '/v2/users', probability: 0.1 },
      { kind: 'truncate', pathPrefix: '/v2/users', probability: 0.1 },
      { kind: 'html', pathPrefix: '/v2/users', probability: 0.05 },
      { kind: 'rate-limit', pathPrefix: '/v2/users', probability: 0.05 },
    ])
    sandbox.resetStats()
    const ports = sandboxPorts(sandbox, { pageSize: 100 })
    const { jobs, finished, events } = jobHarness(ports)
    const first = jobs.crawl({ profileId: 'p1', resource: 'users', params: {} })
    expect(first).toMatchObject({ state: 'running', rows: 0, pages: 0, profileId: 'p1', resource: 'users' })

    const done = await finished(first.jobId)
    sandbox.setFaults([])
    expect(done.state).toBe('done')
    expect(done.errors).toEqual([])
    expect(done.totalRecords).toBe(expectedIds.length)
    expect(done.rows).toBe(expectedIds.length)
    expect(Object.values(sandbox.stats().faults).reduce((a, b) => a + b, 0)).toBeGreaterThan(5)

    const rows = await storedRows<{ id: string }>(jobs.get(first.jobId).dataset)
    expect(rows.map((u) => u.id)).toEqual(expectedIds)

    const progress = events.jobEvents()
    expect(progress.at(-1)).toMatchObject({ state: 'done', rows: expectedIds.length })
    expect(progress.length).toBeLessThan(done.pages + 2)
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.rows).toBeGreaterThanOrEqual(progress[i - 1]!.rows)
  })

  it('drops rows seen again when the source restarts an expired page token', async () => {
    const ports = sandboxPorts(sandbox, { pageSize: 500 })
    let served = 0
    // A source that, like the client after "next page token expired", starts the list again.
    const restarting = {
      async *pages(request: PageRequest): AsyncIterable<Page> {
        for await (const page of ports.pages(request)) {
          yield page
          if (++served === 3) yield* ports.pages(request)
          if (served >= 3) return
        }
      },
    }
    const { jobs, finished } = jobHarness(restarting)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: {} }).jobId)
    expect(done.state).toBe('done')
    const ids = (await storedRows<{ id: string }>(jobs.get(done.jobId).dataset)).map((u) => u.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(expectedIds)
  })

  it('cancel keeps the rows fetched so far and stops sending requests', async () => {
    const ports = sandboxPorts(sandbox, { pageSize: 100 })
    let cancelAt = -1
    let jobId = ''
    const { jobs, finished } = jobHarness({
      async *pages(request) {
        for await (const page of ports.pages(request)) {
          yield page
          if (ports.requests === 5) {
            cancelAt = ports.requests
            const cancelled = jobs.cancel(jobId)
            expect(cancelled.state).toBe('cancelled')
          }
        }
      },
    })
    jobId = jobs.crawl({ profileId: 'p1', resource: 'users', params: {} }).jobId
    const done = await finished(jobId)
    expect(done.state).toBe('cancelled')
    expect(done.finishedAt).toBeDefined()
    expect(done.rows).toBe(500)
    expect(jobs.get(jobId).dataset.rowCount).toBe(500)
    expect(ports.requests).toBe(cancelAt)
    expect(jobs.list('p1').find((j) => j.jobId === jobId)?.state).toBe('cancelled')
  })

  it('a list that cannot be loaded fails the job with the error, keeping earlier rows', async () => {
    sandbox.setFaults([{ kind: 'status', status: 500, pathPrefix: '/v2/users', skip: 2 }])
    const ports = sandboxPorts(sandbox, { pageSize: 100, attempts: 3 })
    const { jobs, finished } = jobHarness(ports)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: 'users', params: {} }).jobId)
    sandbox.setFaults([])
    expect(done.state).toBe('failed')
    expect(done.error?.code).toBe('ZOOM_SERVER_ERROR')
    expect(done.rows).toBe(200)
  })

  it('rejects parameters the catalog does not accept before sending anything', () => {
    const ports = sandboxPorts(sandbox)
    const { jobs } = jobHarness(ports)
    expect(() => jobs.crawl({ profileId: 'p1', resource: 'users', params: { status: 'sleeping' } })).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(() => jobs.crawl({ profileId: 'p1', resource: 'users', params: {}, users: 'all' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }))
    expect(ports.requests).toBe(0)
  })
})
