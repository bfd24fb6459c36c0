// Zoom's published rate limits (reference/zoom-api.md §4). Limits apply per account, per
// rate-limit label, and depend on the plan; Zoom Phone has its own, lower table.
import type { RatePlan } from '../profile'

export const RATE_CATEGORIES = ['light', 'medium', 'heavy', 'resource-intensive'] as const
export type RateCategory = (typeof RATE_CATEGORIES)[number]

/** Which table a resource's label is read in. */
export type RateFamily = 'api' | 'phone'

export interface CategoryLimit {
  /** Sustained requests per second (resource-intensive: per minute ÷ 60). */
  perSecond: number
  /** A daily cap of this category alone, if the plan has one. */
  perDay?: number
}

export interface PlanLimits {
  categories: Record<RateCategory, CategoryLimit>
  /** A daily cap shared by the categories listed (Pro, Business+: heavy and resource-intensive). */
  sharedDaily?: { categories: readonly RateCategory[]; perDay: number }
}

const perMinute = (n: number) => n / 60

const API_LIMITS: Record<RatePlan, PlanLimits> = {
  free: {
    categories: {
      light: { perSecond: 4, perDay: 6_000 },
      medium: { perSecond: 2, perDay: 2_000 },
      heavy: { perSecond: 1, perDay: 1_000 },
      'resource-intensive': { perSecond: perMinute(10), perDay: 30_000 },
    },
  },
  pro: {
    categories: { light: { perSecond: 30 }, medium: { perSecond: 20 }, heavy: { perSecond: 10 }, 'resource-intensive': { perSecond: perMinute(10) } },
    sharedDaily: { categories: ['heavy', 'resource-intensive'], perDay: 30_000 },
  },
  business: {
    categories: { light: { perSecond: 80 }, medium: { perSecond: 60 }, heavy: { perSecond: 40 }, 'resource-intensive': { perSecond: perMinute(20) } },
    sharedDaily: { categories: ['heavy', 'resource-intensive'], perDay: 60_000 },
  },
}

// Zoom Phone needs a paid plan; a Free account gets the Free API numbers, the most cautious choice.
const PHONE_LIMITS: Record<RatePlan, PlanLimits> = {
  free: API_LIMITS.free,
  pro: {
    categories: { light: { perSecond: 20 }, medium: { perSecond: 10 }, heavy: { perSecond: 5 }, 'resource-intensive': { perSecond: perMinute(5) } },
    sharedDaily: { categories: ['heavy', 'resource-intensive'], perDay: 15_000 },
  },
  business: {
    categories: { light: { perSecond: 40 }, medium: { perSecond: 20 }, heavy: { perSecond: 10 }, 'resource-intensive': { perSecond: perMinute(10) } },
    sharedDaily: { categories: ['heavy', 'resource-intensive'], perDay: 30_000 },
  },
}

export function planLimits(plan: RatePlan, family: RateFamily = 'api'): PlanLimits {
  return family === 'phone' ? PHONE_LIMITS[plan] : API_LIMITS[plan]
}

/** Parses Zoom's `X-RateLimit-Category` header value ("Light", "Resource-intensive", …). */
export function parseRateCategory(value: string | undefined): RateCategory | undefined {
  if (!value) return undefined
  const v = value.trim().toLowerCase().replace(/[\s_]+/g, '-')
  return (RATE_CATEGORIES as readonly string[]).includes(v) ? (v as RateCategory) : undefined
}
