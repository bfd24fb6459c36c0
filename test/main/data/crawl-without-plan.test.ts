// Webinars of every user: Zoom answers 400 / 200 "Webinar plan is missing" for a user without the
// webinar add-on (Meetings.json, GET /users/{userId}/webinars). Such a user has no webinars; the
// crawl counts them apart and the dataset stays complete, instead of listing them as failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Sandbox, startSandbox } from '../../sandbox'
import { jobHarness, storedRows } from './harness'
import { builtIn, listAll, sandboxZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)

describe('a fan-out over users without the plan a list needs', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 7, users: 40, plan: 'unlimited', now: () => NOW })
  })
  afterAll(() => sandbox.close())

  it('finishes complete, counting the users without a webinar plan apart from failures', async () => {
    const zoom = sandboxZoom(sandbox)
    const users = await listAll<{ id: string }>(zoom, builtIn('/users'))
    let withPlan = 0
    let webinars = 0
    for (const user of users) {
      try {
        webinars += (await listAll(zoom, builtIn('/users/{userId}/webinars'), { userId: user.id })).length
        withPlan++
      } catch (error) {
        expect((error as { details?: { zoomCode?: number } }).details?.zoomCode).toBe(200)
      }
    }
    expect(withPlan, 'the seed gives some users the add-on and some not').toBeGreaterThan(0)
    expect(withPlan).toBeLessThan(users.length)

    const { jobs, finished } = jobHarness(zoom)
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/users/{userId}/webinars', params: {}, users: 'all' }))
    expect(done).toMatchObject({ state: 'done', errors: [], unitsTotal: users.length, unitsDone: users.length, withoutPlan: { count: users.length - withPlan, reason: 'Webinar plan is missing.' } })
    expect(done.failedUnits ?? 0).toBe(0)
    const dataset = jobs.get(done.jobId).dataset
    expect(await storedRows(dataset)).toHaveLength(webinars)
    expect(dataset.completeness()).toEqual({ complete: true })
  })
})
