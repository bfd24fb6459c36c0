// single_flight_token_requests: 1,000 callers of getAccessToken at the same moment, just after the
// cached S2S token expired, must cause exactly one request to the token endpoint (the sandbox
// counts them). Every caller must also get the same, new token.
import { metric, type Metric } from '../report'
import { withSandbox } from './support/sandbox-process'
import { connectedTokenStack } from './support/token-stack'

const CALLERS = 1000

export async function measureTokenSingleFlight(): Promise<Metric[]> {
  return withSandbox({ seed: 12, users: 10, plan: 'unlimited' }, async (sandbox) => {
    const stack = await connectedTokenStack(sandbox.url, sandbox.apps.s2s)
    try {
      const before = await stack.tokens.getAccessToken(stack.profile.id)
      // Just past expiry (S2S tokens last an hour); the sandbox mints a new one whatever its clock says.
      stack.advance(before.expiresAt - Date.now() + 1000)
      await sandbox.resetStats()
      const started = performance.now()
      const results = await Promise.all(Array.from({ length: CALLERS }, () => stack.tokens.getAccessToken(stack.profile.id)))
      const elapsedMs = performance.now() - started
      const stats = await sandbox.stats()
      const requests = Object.values(stats.tokenRequests).reduce((a, b) => a + b, 0)
      const distinct = new Set(results.map((r) => r.accessToken))
      const renewed = distinct.size === 1 && !distinct.has(before.accessToken)
      if (!renewed) throw new Error(`callers got ${distinct.size} distinct token(s)${distinct.has(before.accessToken) ? ', including the expired one' : ''}`)
      return [
        metric('single_flight_token_requests', requests, 'requests', { kind: 'equal', limit: 1 }, `${CALLERS} concurrent getAccessToken callers at expiry, all given the same new token in ${elapsedMs.toFixed(0)} ms`),
      ]
    } finally {
      await stack.close()
    }
  })
}
