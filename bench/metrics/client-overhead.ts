// client_overhead_ratio and rivet_ratio: one GET /v2/users/me on the sandbox (plan 'unlimited',
// no latency, its own process), sent three ways and timed side by side (support/interleave.ts):
//   bare got — got.get with a fixed bearer, the floor for a got-based client;
//   ours     — ZoomClient.get from createZoomClients, with the real TokenManager (cached token),
//              allowlist, retry policy, error mapping and the rate limiter on its fast path
//              (headroom raised so pacing never waits: this measures its cost, not its pace);
//   rivet    — @zoom/rivet's UsersS2SAuthClient (Zoom's own Node SDK) with baseUrl pointed at the
//              sandbox and its tokenStore seeded with a sandbox token (its OAuth host is fixed).
// The ratios are medians of per-request times.
import got from 'got'
import { UsersS2SAuthClient } from '@zoom/rivet/users'
import { createZoomClients } from '../../main/zoom/clients'
import { metric, median, percentile, type Metric } from '../report'
import { interleave, type Contender } from './support/interleave'
import { withSandbox } from './support/sandbox-process'
import { connectedTokenStack } from './support/token-stack'

const SAMPLES = 3000
const WARMUP = 1000
const BLOCK = 100

export async function measureClientOverhead(): Promise<Metric[]> {
  return withSandbox({ seed: 11, users: 1000, plan: 'unlimited' }, async (sandbox) => {
    const stack = await connectedTokenStack(sandbox.url, sandbox.apps.s2s)
    try {
      const { accessToken } = await stack.tokens.getAccessToken(stack.profile.id)
      const url = `${sandbox.url}/v2/users/me`

      const clients = createZoomClients({ tokens: stack.tokens, profiles: stack.profiles, limiter: { headroom: 1e6 } })
      const ours = clients.forProfile(stack.profile.id)

      const rivet = new UsersS2SAuthClient({
        clientId: sandbox.apps.s2s.clientId,
        clientSecret: sandbox.apps.s2s.clientSecret,
        accountId: sandbox.apps.s2s.accountId,
        disableReceiver: true,
        baseUrl: `${sandbox.url}/v2`,
        tokenStore: {
          getLatestToken: () => ({ accessToken, expirationTimeIso: new Date(Date.now() + 3_000_000).toISOString(), scopes: [] }),
          storeToken: () => undefined,
        },
      })

      const expectId = ((await got.get(url, { headers: { authorization: `Bearer ${accessToken}` } }).json()) as { id: string }).id
      const contenders: Contender[] = [
        { name: 'got', call: () => got.get(url, { headers: { authorization: `Bearer ${accessToken}` }, responseType: 'json', resolveBodyOnly: true }) },
        { name: 'ours', call: () => ours.get('/users/me') },
        { name: 'rivet', call: () => rivet.endpoints.users.getUser({ path: { userId: 'me' } }) },
      ]
      // The same answer from all three, so none of them is timing an error path.
      for (const c of contenders) {
        const body = (await c.call()) as { id?: string; data?: { id?: string } }
        const id = body.id ?? body.data?.id
        if (id !== expectId) throw new Error(`${c.name} did not return the sandbox's /users/me`)
      }
      const before = await sandbox.stats()
      const times = await interleave(contenders, { warmup: WARMUP, samples: SAMPLES, block: BLOCK })
      const after = await sandbox.stats()
      const served = after.apiTotal - before.apiTotal
      const expected = contenders.length * (SAMPLES + WARMUP)
      if (served !== expected) throw new Error(`the sandbox served ${served} requests, expected ${expected}`)
      // The limiter must have stayed on its fast path: a wait would be pacing, not overhead.
      const paced = clients.rateUsage(stack.profile.id).filter((u) => u.throttledMs > 0)
      if (paced.length > 0) throw new Error(`our rate limiter made requests wait (${paced.map((u) => `${u.category}: ${u.throttledMs} ms`).join(', ')}) despite its raised headroom; the ratio would measure pacing, not overhead`)

      const med = (name: string) => median(times.get(name)!)
      const p90 = (name: string) => percentile(times.get(name)!, 90)
      const [gotMs, oursMs, rivetMs] = [med('got'), med('ours'), med('rivet')]
      const fmt = (ms: number) => `${(ms * 1000).toFixed(0)} µs`
      const detail = `medians of ${SAMPLES} interleaved GET /v2/users/me each: got ${fmt(gotMs)}, ours ${fmt(oursMs)}, rivet ${fmt(rivetMs)} (p90 ${fmt(p90('got'))} / ${fmt(p90('ours'))} / ${fmt(p90('rivet'))})`
      const oursRatio = Math.round((oursMs / gotMs) * 1000) / 1000
      return [
        metric('client_overhead_ratio', oursMs / gotMs, '×', { kind: 'max', limit: 1.15 }, `ours / bare got; ${detail}`),
        metric('rivet_ratio', rivetMs / gotMs, '×', { kind: 'min', limit: oursRatio }, `@zoom/rivet 0.4.0 / bare got, same run; budget: rivet's ratio ≥ ours (client_overhead_ratio), i.e. ours is no slower than Zoom's SDK`),
      ]
    } finally {
      await stack.close()
    }
  })
}
