// "Retry N failed" on a crawl that also has units pending (it was cancelled, or stopped by a rate
// limit): only the failed units run, the pending ones are set aside. When the retry ends, those
// pending units are still not loaded: the job must not say it is done and complete, and it must
// stay resumable so Resume can fetch them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Sandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { startMeetingHosts } from './meeting-hosts'
import { sandboxZoom, spyZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)

let sandbox: Sandbox
let USERS: { id: string; email: string }[]
let meetings: Map<string, string[]>

beforeAll(async () => {
  ;({ sandbox, users: USERS, meetings } = await startMeetingHosts(NOW))
})
afterAll(() => sandbox.close())

describe('Retry failed on a cancelled crawl with units pending', () => {
  it('leaves the pending units resumable and the dataset incomplete, and Resume loads them', async () => {
    const user = (n: number) => USERS[n]!
    sandbox.setFaults([{ kind: 'status', status: 400, pathPrefix: `/v2/users/${user(2).id}/meetings` }])
    const crawl: { jobId?: string } = {}
    let cancelled = false
    // One unit at a time: users 0-4 are taken (user 2 fails for good), Cancel comes as user 5's list begins.
    const zoom = spyZoom(sandboxZoom(sandbox, { retry: { limit: 0 } }), async function* (request, pages) {
      if (!cancelled && request.path === `/users/${user(5).id}/meetings`) {
        cancelled = true
        jobs.get(crawl.jobId!).cancel()
      }
      yield* pages
    })
    const { jobs, datasets } = jobHarness(zoom, { concurrency: 1, progressIntervalMs: 0 })
    const jobId = (crawl.jobId = (await jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })).jobId)
    const job = jobs.get(jobId)
    await job.start()
    expect(job.snapshot()).toMatchObject({ state: 'cancelled', failedUnits: 1, pendingUnits: 7, resumable: true, unitsDone: 5 })

    sandbox.setFaults([])
    await job.retryFailed()
    const retried = job.snapshot()
    // Seven users were never loaded: the crawl is not complete and can still be resumed.
    expect(retried).toMatchObject({ failedUnits: 0, pendingUnits: 7, resumable: true, unitsDone: 5 })
    expect(retried.state).not.toBe('done')
    const info = await datasets.get(retried.datasetId).info()
    expect(info.complete).toBe(false)

    await job.resume()
    expect(job.snapshot()).toMatchObject({ state: 'done', unitsDone: 12, pendingUnits: 0, resumable: false })
    const uuids = (await storedRows<{ uuid: string }>(job.dataset)).map((r) => r.uuid).sort()
    expect(uuids).toEqual([...meetings.values()].flat().sort())
  })
})
