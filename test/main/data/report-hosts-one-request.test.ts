// Active/inactive hosts over a range Zoom answers in one request (a week across a month's end):
// its rows are each host's totals for the dates asked, so it stays one request. Split at the
// month's end, an inactive host would be one who held no meeting in either part, not in the
// whole week, and every host would have two rows for a range asked as one.
import { describe, expect, it } from 'vitest'
import { planCrawl } from '../../../main/data/jobs/crawl-plan'

const NOW = Date.UTC(2026, 6, 10, 12)
const windowsOf = (from: string, to: string) => planCrawl({ resource: '/report/users', params: { type: 'inactive', from, to } }, undefined, NOW).queries.windows

describe('active/inactive hosts within one request', () => {
  it('asks a week across a month’s end as one window', () => {
    expect(windowsOf('2026-06-28', '2026-07-04')).toEqual([{ from: '2026-06-28', to: '2026-07-04' }])
  })

  it('still asks a range longer than one request by calendar month', () => {
    expect(windowsOf('2026-04-01', '2026-06-30').map((w) => w?.from)).toEqual(['2026-04-01', '2026-05-01', '2026-06-01'])
    // A whole 31-day month is longer than one request's 28 days but still one calendar month.
    expect(windowsOf('2026-05-01', '2026-05-31')).toEqual([{ from: '2026-05-01', to: '2026-05-31' }])
  })
})
