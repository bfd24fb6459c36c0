// Fault injection: latency, 5xx answers, connection resets, truncated or stalled bodies, HTML
// error pages and bursts of 429, targeted by path prefix and method, optionally after `skip`
// matching requests and for the next `count` of them (so a test can fail exactly the 3rd page,
// once). Probabilistic rules draw from a PRNG seeded by the sandbox seed: same seed, same faults.
import { z } from 'zod'
import { createRandom, hash2 } from './hash'

export const faultRuleSchema = z.object({
  kind: z.enum(['latency', 'status', 'html', 'reset', 'truncate', 'stall', 'rate-limit', 'oauth-echo']),
  /** Matches the request path (without query); '' or absent = every path. */
  pathPrefix: z.string().optional(),
  method: z.string().optional(),
  /** Let this many matching requests through before firing. */
  skip: z.number().int().min(0).optional(),
  /** Fire for this many requests, then stop; absent = forever. */
  count: z.number().int().min(1).optional(),
  /** Share (0..1) of matching requests that fire, from the seeded PRNG; absent = all. */
  probability: z.number().min(0).max(1).optional(),
  /** latency: added milliseconds. */
  ms: z.number().int().min(0).optional(),
  /** status: the HTTP status (default 500); html: the status of the HTML page (default 502). */
  status: z.number().int().min(100).max(599).optional(),
  /** rate-limit: send Retry-After (true = an ISO date one second ahead, number = seconds). */
  retryAfter: z.union([z.boolean(), z.number().int().min(0)]).optional(),
  /** rate-limit: send X-RateLimit-* headers (default true). */
  rateLimitHeaders: z.boolean().optional(),
  /**
   * rate-limit: which of Zoom's limits was hit (default 'qps'). 'daily' answers as Zoom does when a
   * daily cap is used up: X-RateLimit-Type Daily-limit, its "maximum daily rate limit" message, and
   * Retry-After the ISO date of the next midnight UTC, when the cap resets (unless `retryAfter`
   * says otherwise).
   */
  rateLimitType: z.enum(['qps', 'daily']).optional(),
  /**
   * oauth-echo: a hostile or careless token endpoint that answers `{ error, reason }` with what it
   * was sent quoted in `reason`. Placeholders: {secret} (the client secret, from Basic or the
   * body), {token} (the refresh token or code), {basic} (the raw Authorization header); {name:a:b}
   * quotes only characters a..b of it. Status defaults to 400.
   */
  reason: z.string().max(2000).optional(),
  /** oauth-echo: the OAuth `error` (default invalid_grant). */
  oauthError: z.string().max(100).optional(),
})

export type FaultRule = z.infer<typeof faultRuleSchema>
export const faultListSchema = z.array(faultRuleSchema)

interface ActiveRule {
  rule: FaultRule
  seen: number
  fired: number
}

export interface FaultDecision {
  /** Extra latency from every matching latency rule. */
  latencyMs: number
  /** The first matching non-latency fault, if any. */
  fault: FaultRule | undefined
}

const NONE: FaultDecision = { latencyMs: 0, fault: undefined }

export class FaultInjector {
  private rules: ActiveRule[] = []
  private random: () => number

  constructor(private readonly seed: number, initial: FaultRule[] = []) {
    this.random = createRandom(hash2(seed, 0xfa17))
    this.set(initial)
  }

  /** Replaces all rules (and restarts the seeded sequence, so runs repeat exactly). */
  set(rules: FaultRule[]): void {
    this.rules = faultListSchema.parse(rules).map((rule) => ({ rule, seen: 0, fired: 0 }))
    this.random = createRandom(hash2(this.seed, 0xfa17))
  }

  add(rules: FaultRule[]): void {
    for (const rule of faultListSchema.parse(rules)) this.rules.push({ rule, seen: 0, fired: 0 })
  }

  list(): { rule: FaultRule; seen: number; fired: number }[] {
    return this.rules.map((r) => ({ ...r, rule: { ...r.rule } }))
  }

  decide(method: string, path: string): FaultDecision {
    if (this.rules.length === 0) return NONE
    let latencyMs = 0
    let fault: FaultRule | undefined
    for (const active of this.rules) {
      const { rule } = active
      if (rule.method !== undefined && rule.method.toUpperCase() !== method) continue
      if (rule.pathPrefix !== undefined && !path.startsWith(rule.pathPrefix)) continue
      // Every matching request counts towards `skip`, even one another rule already failed.
      active.seen++
      if (active.seen <= (rule.skip ?? 0)) continue
      if (rule.kind !== 'latency' && fault !== undefined) continue
      if (rule.count !== undefined && active.fired >= rule.count) continue
      if (rule.probability !== undefined && this.random() >= rule.probability) continue
      active.fired++
      if (rule.kind === 'latency') latencyMs += rule.ms ?? 0
      else fault = rule
    }
    return latencyMs === 0 && fault === undefined ? NONE : { latencyMs, fault }
  }
}
