// Boots the real renderer on the fake bridge (see scenarios.ts). Not part of the product build.
import { setBridge } from '../../../renderer/ipc'
import { FakeBridge } from '../fake-bridge'
import { scenario } from './scenarios'

const params = new URLSearchParams(location.search)
const options = scenario(params.get('s') ?? 'main')
const theme = params.get('theme')
const fake = new FakeBridge({ ...options, ...(theme === 'light' || theme === 'dark' ? { settings: { theme } } : {}) })
if (options.timeline) {
  const t = Date.now()
  fake.timeline.push(
    { profileId: 'acme-s2s', at: t - 3 * 3_600_000, kind: 'token', outcome: 'ok', detail: 'Token minted (account_credentials), expires in 1 h' },
    { profileId: 'acme-s2s', at: t - 2 * 3_600_000 - 300_000, kind: 'token', outcome: 'failed', detail: 'Network error: the connection was reset; kept the cached token and retried' },
    { profileId: 'acme-s2s', at: t - 2 * 3_600_000, kind: 'token', outcome: 'ok', detail: 'Token minted before expiry' },
    { profileId: 'acme-s2s', at: t - 8 * 60_000, kind: 'token', outcome: 'ok', detail: 'Token minted before expiry' },
    { profileId: 'acme-s2s', at: t - 5 * 60_000, kind: 'validate', outcome: 'ok', detail: 'GET /v2/users/me → 200 in 131 ms' },
  )
}
// Crawls in the 'crawling' scenario advance on a timer so progress can be watched.
if (params.get('s') === 'crawling') {
  setInterval(() => {
    for (const job of fake.jobs.values()) {
      if (job.state !== 'running') continue
      const total = job.totalRecords ?? 0
      if (job.rows + 2_000 >= total) fake.finishJob(job.jobId)
      else fake.progressJob(job.jobId, job.rows + 2_000)
    }
  }, 300)
}
setBridge(fake.asBridge())
;(window as unknown as { fakeBridge: FakeBridge }).fakeBridge = fake
await import('../../../renderer/main')
