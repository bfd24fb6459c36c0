// One user's list whose every request fails at the connection (a reset, or a page that always
// times out), while Zoom answers every other request. Network errors in a row mean Zoom is
// unreachable (the crawl pauses and tries again), but one unit's errors alone must not: it would
// wait out outage after outage forever, the users after it never fetched. Such a unit is set back
// behind the others; once Zoom has answered another, its errors are its own and it fails as any
// unit does. When the others fail too, it is an outage after all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import { ManualTime } from '../../fakes/manual-time'
import { jobHarness } from './harness'
import { builtIn, listAll, sandboxZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)
let sandbox: Sandbox
let USERS: { id: string; email: string }[]

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 29, users: 12, plan: 'unlimited', now: () => NOW })
  USERS = await listAll<{ id: string; email: string }>(sandboxZoom(sandbox), builtIn('/users'))
  expect(USERS).toHaveLength(12)
})
afterAll(() => sandbox.close())

describe('a unit whose requests always fail at the connection', () => {
  it('does not hold the crawl forever: the other users are fetched and the crawl ends', async () => {
    sandbox.setFaults([{ kind: 'reset', pathPrefix: `/v2/users/${USERS[3]!.id}/meetings` }])
    const time = new ManualTime(NOW)
    const harness = jobHarness(sandboxZoom(sandbox, { retry: { limit: 0 } }), { time, progressIntervalMs: 0, concurrency: 1, retry: { outageAfterErrors: 3, outageDelaysMs: [30] } })
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    const job = harness.jobs.get(jobId)
    let ended = false
    const finished = job.start().then(() => (ended = true))
    // Up to 50 of the crawl's waits (backoffs, outage pauses): far more than one unit's retries need.
    for (let waits = 0; waits < 50 && !ended; waits++) {
      await Promise.race([finished, time.whenPending()])
      if (!ended) time.advanceToNext()
    }
    const progress = job.snapshot()
    job.cancel()
    await finished
    sandbox.setFaults([])
    expect(progress.unitsDone, 'users done after 50 waits').toBe(12)
    // The other users are in; that user's list failed for good, with its network error, and is
    // there to be retried.
    expect(progress).toMatchObject({ state: 'done', failedUnits: 1, resumable: true })
    expect(progress.errors.map((entry) => entry.unit)).toEqual([USERS[3]!.email])
    expect(progress.errors[0]!.error.code).toMatch(/^NETWORK|TIMEOUT/)
    expect(progress.paused).toBeUndefined()

    const retried = job.retryFailed()
    for (let waits = 0; waits < 50 && job.snapshot().state === 'running'; waits++) {
      await Promise.race([retried, time.whenPending()])
      if (job.snapshot().state === 'running') time.advanceToNext()
    }
    await retried
    expect(job.snapshot()).toMatchObject({ state: 'done', failedUnits: 0, errors: [], unitsDone: 12 })
  })

  it('is still an outage when the others fail too: the crawl pauses, and nobody is marked failed', async () => {
    // Every user's list fails at the connection after the first: the unit set back is not alone.
    sandbox.setFaults([{ kind: 'reset', pathPrefix: '/v2/users/', skip: 1 }])
    sandbox.resetStats()
    const time = new ManualTime(NOW)
    const harness = jobHarness(sandboxZoom(sandbox, { retry: { limit: 0 } }), { time, progressIntervalMs: 0, concurrency: 1, retry: { outageAfterErrors: 3, outageDelaysMs: [30] } })
    const { jobId } = await harness.jobs.crawl({ profileId: 'p1', resource: 'meetings', params: {}, users: 'all' })
    const job = harness.jobs.get(jobId)
    const finished = job.start()
    for (let waits = 0; waits < 50 && job.snapshot().paused === undefined; waits++) {
      await Promise.race([finished, time.whenPending()])
      if (job.snapshot().paused === undefined) time.advanceToNext()
    }
    const paused = job.snapshot()
    expect(paused).toMatchObject({ state: 'running', errors: [], paused: { reason: 'unreachable' } })
    // The first user, the one set back and one more: no unit was tried through the whole account.
    expect(sandbox.stats().apiTotal).toBeLessThan(12)
    job.cancel()
    await finished
    sandbox.setFaults([])
  })
})
