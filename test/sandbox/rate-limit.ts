// Zoom's rate limits: per account, per category (Light/Medium/Heavy/Resource-intensive), per
// plan, with fixed one-second (or one-minute) windows and daily caps, Zoom's 429 bodies and its
// X-RateLimit-* headers. Retry-After is sent only on daily limits, as an ISO date (Zoom's habit).
import type { RateCategory, RateFamily } from './api/catalog'
import { DAY_MS, isoSeconds } from './clock'
import type { Plan } from './types'

interface Limit {
  perWindow: number
  windowMs: number
  /** Daily cap, and the key of the counter it is shared through. */
  daily?: { limit: number; pool: string }
}

type Table = Record<RateCategory, Limit>

const perSecond = (n: number, daily?: Limit['daily']): Limit => ({ perWindow: n, windowMs: 1000, ...(daily ? { daily } : {}) })
const perMinute = (n: number, daily?: Limit['daily']): Limit => ({ perWindow: n, windowMs: 60_000, ...(daily ? { daily } : {}) })

/** Numbers from Zoom's rate-limits page (reference/zoom-api.md §4). */
const LIMITS: Record<Exclude<Plan, 'unlimited'>, Record<RateFamily, Table>> = {
  free: {
    api: {
      light: perSecond(4, { limit: 6000, pool: 'light' }),
      medium: perSecond(2, { limit: 2000, pool: 'medium' }),
      heavy: perSecond(1, { limit: 1000, pool: 'heavy' }),
      'resource-intensive': perMinute(10, { limit: 30_000, pool: 'resource-intensive' }),
    },
    // Phone needs a paid plan; a free account gets the Pro numbers if it asks anyway.
    phone: {
      light: perSecond(20), medium: perSecond(10),
      heavy: perSecond(5, { limit: 15_000, pool: 'heavy+ri' }), 'resource-intensive': perMinute(5, { limit: 15_000, pool: 'heavy+ri' }),
    },
  },
  pro: {
    api: {
      light: perSecond(30), medium: perSecond(20),
      heavy: perSecond(10, { limit: 30_000, pool: 'heavy+ri' }), 'resource-intensive': perMinute(10, { limit: 30_000, pool: 'heavy+ri' }),
    },
    phone: {
      light: perSecond(20), medium: perSecond(10),
      heavy: perSecond(5, { limit: 15_000, pool: 'heavy+ri' }), 'resource-intensive': perMinute(5, { limit: 15_000, pool: 'heavy+ri' }),
    },
  },
  business: {
    api: {
      light: perSecond(80), medium: perSecond(60),
      heavy: perSecond(40, { limit: 60_000, pool: 'heavy+ri' }), 'resource-intensive': perMinute(20, { limit: 60_000, pool: 'heavy+ri' }),
    },
    phone: {
      light: perSecond(40), medium: perSecond(20),
      heavy: perSecond(10, { limit: 30_000, pool: 'heavy+ri' }), 'resource-intensive': perMinute(10, { limit: 30_000, pool: 'heavy+ri' }),
    },
  },
}

const CATEGORY_LABEL: Record<RateCategory, string> = {
  light: 'Light', medium: 'Medium', heavy: 'Heavy', 'resource-intensive': 'Resource-intensive',
}

export const QPS_MESSAGE = 'You have reached the maximum per-second rate limit for this API. Try again later.'
export const DAILY_MESSAGE = 'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.'

export type RateDecision =
  | { ok: true; headers: Record<string, string> }
  | { ok: false; headers: Record<string, string>; message: string }

interface Counter {
  windowStart: number
  count: number
}

export class RateLimiter {
  private windows = new Map<string, Counter>()
  private daily = new Map<string, Counter>()

  constructor(private plan: Plan, private readonly now: () => number) {}

  currentPlan(): Plan {
    return this.plan
  }

  setPlan(plan: Plan): void {
    this.plan = plan
    this.windows = new Map()
    this.daily = new Map()
  }

  /** Limits for a plan, for tests and benchmarks that pace themselves. */
  static limitFor(plan: Plan, family: RateFamily, category: RateCategory): { perWindow: number; windowMs: number; daily?: number } | undefined {
    if (plan === 'unlimited') return undefined
    const limit = LIMITS[plan][family][category]
    return { perWindow: limit.perWindow, windowMs: limit.windowMs, ...(limit.daily ? { daily: limit.daily.limit } : {}) }
  }

  /** Counts one request of `account` and says whether it may proceed. */
  take(account: string, family: RateFamily, category: RateCategory): RateDecision {
    if (this.plan === 'unlimited') return { ok: true, headers: {} }
    const limit = LIMITS[this.plan][family][category]
    const now = this.now()
    const label = CATEGORY_LABEL[category]

    const windowStart = now - (now % limit.windowMs)
    const windowKey = `${account}|${family}|${category}`
    let window = this.windows.get(windowKey)
    if (window === undefined) this.windows.set(windowKey, (window = { windowStart, count: 0 }))
    if (window.windowStart !== windowStart) {
      window.windowStart = windowStart
      window.count = 0
    }

    let day: Counter | undefined
    if (limit.daily !== undefined) {
      const dayStart = now - (now % DAY_MS)
      const dayKey = `${account}|${family}|${limit.daily.pool}`
      day = this.daily.get(dayKey)
      if (day === undefined) this.daily.set(dayKey, (day = { windowStart: dayStart, count: 0 }))
      if (day.windowStart !== dayStart) {
        day.windowStart = dayStart
        day.count = 0
      }
      if (day.count >= limit.daily.limit) {
        return {
          ok: false,
          message: DAILY_MESSAGE,
          headers: {
            'X-RateLimit-Category': label, 'X-RateLimit-Type': 'Daily-limit',
            'X-RateLimit-Limit': String(limit.daily.limit), 'X-RateLimit-Remaining': '0',
            'Retry-After': isoSeconds(dayStart + DAY_MS),
          },
        }
      }
    }
    if (window.count >= limit.perWindow) {
      return {
        ok: false,
        message: QPS_MESSAGE,
        headers: {
          'X-RateLimit-Category': label, 'X-RateLimit-Type': 'QPS',
          'X-RateLimit-Limit': String(limit.perWindow), 'X-RateLimit-Remaining': '0',
        },
      }
    }
    window.count++
    if (day !== undefined && limit.daily !== undefined) {
      day.count++
      return {
        ok: true,
        headers: {
          'X-RateLimit-Category': label, 'X-RateLimit-Type': 'Daily-limit',
          'X-RateLimit-Limit': String(limit.daily.limit), 'X-RateLimit-Remaining': String(limit.daily.limit - day.count),
        },
      }
    }
    return {
      ok: true,
      headers: {
        'X-RateLimit-Category': label, 'X-RateLimit-Type': 'QPS',
        'X-RateLimit-Limit': String(limit.perWindow), 'X-RateLimit-Remaining': String(limit.perWindow - window.count),
      },
    }
  }
}
