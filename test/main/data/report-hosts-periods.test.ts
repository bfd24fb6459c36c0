// Active/inactive hosts over more than one month: Zoom answers at most a month at a time, each
// answer a host's totals for that window. A host active in three windows has three rows, each
// saying which dates it totals; keeping only the first (one row per host id) showed one window's
// meetings as the whole range's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../../sandbox'
import { splitCalendarMonths } from '../../../common/zoom/date-windows'
import { systemScheduler } from '../../../main/ports'
import { jobHarness, storedRows } from './harness'
import { builtIn, listAll, sandboxZoom } from './sandbox-zoom'

const NOW = Date.UTC(2026, 2, 4, 12)
const FROM = '2025-12-01'
const TO = '2026-02-28'

interface HostRow {
  id: string
  meetings: number
  from?: string
  to?: string
}

describe('active/inactive hosts over several months', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 41, users: 30, plan: 'unlimited', now: () => NOW })
  })
  afterAll(() => sandbox.close())

  it('keeps each window’s row of a host, with the dates it totals', async () => {
    const zoom = sandboxZoom(sandbox)
    const spec = builtIn('/report/users')
    const expected: HostRow[] = []
    // By calendar month, as an auditor reads them: December, January, February.
    const windows = splitCalendarMonths(FROM, TO)
    expect(windows.map((w) => w.from)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01'])
    for (const { from, to } of windows) expected.push(...(await listAll<HostRow>(zoom, spec, {}, { from, to })).map((row) => ({ ...row, from, to })))
    // The same host in more than one window: what one row per host would lose.
    expect(new Set(expected.map((row) => row.id)).size).toBeLessThan(expected.length)

    const { jobs, finished } = jobHarness(zoom, { time: { now: () => NOW, setTimeout: systemScheduler.setTimeout } })
    const done = await finished(jobs.crawl({ profileId: 'p1', resource: '/report/users', params: { from: FROM, to: TO } }))
    expect(done.state, done.error?.message).toBe('done')
    const stored = await storedRows<HostRow>(jobs.get(done.jobId).dataset)
    const key = (row: HostRow) => `${row.id} ${row.from} ${row.to} ${row.meetings}`
    expect(stored.map(key).sort()).toEqual(expected.map(key).sort())
    // The grid shows which dates a row totals.
    expect(jobs.get(done.jobId).dataset.resource.defaultColumns.map((c) => c.path)).toEqual(expect.arrayContaining(['from', 'to']))
  })
})
