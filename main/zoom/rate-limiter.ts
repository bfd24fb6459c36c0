// Client-side pacing under Zoom's per-account rate limits (DESIGN.md, "The Zoom client").
//
// One limiter per account and rate-limit category. Each paces requests with a virtual schedule
// (GCRA, the token bucket in its "theoretical arrival time" form, with a small bucket of
// CATCH_UP_SLOTS): a request takes the next free slot, `interval` after the previous one. When the
// slot is now or past, the request goes at once with no promise and no timer (the fast path);
// otherwise it waits for its slot. The interval aims at `headroom` (97 %) of the limit, and a log
// of actual send times never lets more than the limit into any one-second span (so none of Zoom's
// fixed windows sees more), while a long crawl still sustains ≥ 95 % of it.
//
// A request reaches Zoom some time after its slot: the token is read, a connection (with its TLS
// handshake) may be opened first, a busy CPU delays the write. When an early request is held up
// longer than a later one, both can land in one of Zoom's windows although their slots were a
// window apart. Two things absorb that: the log moves a send to the time it actually left once its
// answer says when (`left`), and the log's span is a little longer than Zoom's window (most of the
// share of it that `headroom` leaves free, so a steady pace never waits on it). A new send is
// judged by when it is expected to leave: its slot plus the shortest delay the sends in the log
// have reported, so that a delay every request shares (a proxy lookup) does not slow the pace.
//
// It learns from Zoom: a 429 pauses the category (Retry-After, else one window) and lowers the
// pace (×0.7, recovering by 2 % of the limit per success); a 2xx announcing a different per-second
// limit in X-RateLimit-Limit (the plan configured on the profile is wrong) adopts it; a daily cap
// reached (locally counted, or X-RateLimit-Type: Daily-limit with Remaining 0, or a daily 429)
// refuses further requests of that pool until the next UTC day instead of queueing for hours.
import type { RateUsage } from '../../common/contract/data'
import { AppError } from '../../common/errors'
import type { RatePlan } from '../../common/profile'
import { RATE_CATEGORIES, parseRateCategory, planLimits, type RateCategory, type RateFamily } from '../../common/zoom/rate-limits'
import { parseRetryAfter } from '../net/retry-after'
import { steadyClock, type SteadyClock } from './steady-clock'

type HeaderMap = Record<string, string | string[] | undefined>

export interface RateLimiterOptions {
  now?: () => number
  /** Share of the published limit to aim at (default 0.97). */
  headroom?: number
  /**
   * A pause Zoom asked for (a 429's Retry-After) longer than this fails with ZOOM_RATE_LIMITED
   * instead of queueing, as a used-up daily cap always does. Pacing's own waits always queue: many
   * requests asked for at once simply wait their turns. Default 60 s.
   */
  maxWaitMs?: number
  /** How to wait (tests substitute a fake-clock sleep). */
  sleep?: Sleep
  /**
   * false: count no daily caps locally (a server that sets none, such as the benchmarks' sandbox
   * serving millions of rows). A daily cap the server reports is still obeyed. Default true.
   */
  dailyCaps?: boolean
}

export type Sleep = (ms: number, signal: AbortSignal | undefined) => Promise<void>

const DAY_MS = 86_400_000
const RING_SLOTS = 10
const RING_SLOT_MS = 100
const LOG_MAX = 4096
/** Slots a late caller may take back at once (callers that fell behind, e.g. a busy CPU); the send log still caps any window at the limit. */
const CATCH_UP_SLOTS = 3
/**
 * The share of the time `headroom` leaves free in a window at full pace that the send log adds to
 * the window, for sends delayed on their way. Below 1, so a steady pace stays limited by its interval.
 */
const DELIVERY_MARGIN_SHARE = 0.8

const nextUtcMidnight = (now: number) => now - (now % DAY_MS) + DAY_MS

class DailyCounter {
  private day = -1
  private count = 0
  /** Zoom said the pool is exhausted until this time. */
  blockedUntil = 0

  constructor(readonly cap: number | undefined) {}

  /** Counts one request; returns the ms until the next day when the cap is already reached. */
  take(now: number): number | undefined {
    const day = Math.floor(now / DAY_MS)
    if (day !== this.day) {
      this.day = day
      this.count = 0
    }
    if (this.blockedUntil > now) return this.blockedUntil - now
    if (this.cap !== undefined && this.count >= this.cap) return nextUtcMidnight(now) - now
    this.count++
    return undefined
  }
}

// Many requests of one crawl share a signal and may all be waiting here: one 'abort' listener per
// signal serves them all (a listener per waiter trips Node's MaxListeners warning).
const waitersBySignal = new WeakMap<AbortSignal, Set<() => void>>()

function onAbort(signal: AbortSignal, cancel: () => void): () => void {
  let waiters = waitersBySignal.get(signal)
  if (!waiters) {
    const set = new Set<() => void>()
    waiters = set
    waitersBySignal.set(signal, set)
    signal.addEventListener('abort', () => {
      waitersBySignal.delete(signal)
      for (const w of set) w()
    }, { once: true })
  }
  waiters.add(cancel)
  const set = waiters
  return () => set.delete(cancel)
}

const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled(signal))
    const timer = setTimeout(() => {
      forget?.()
      resolve()
    }, ms)
    const forget = signal
      ? onAbort(signal, () => {
          clearTimeout(timer)
          reject(cancelled(signal))
        })
      : undefined
  })

const cancelled = (signal: AbortSignal) => (signal.reason instanceof AppError ? signal.reason : new AppError('CANCELLED', 'The request was cancelled.'))

export class CategoryLimiter {
  private base: number
  private rate: number
  private interval: number
  private tat = 0
  private pausedUntil = 0
  private readonly ring = new Uint32Array(RING_SLOTS)
  /** When each of the last `limit` sends went (its slot, or later the time it actually left). */
  private sent = new Float64Array(0)
  /** How long after its slot each send left, once its answer said (NaN until then). */
  private sentDelay = new Float64Array(0)
  /** The number of the send each entry of `sent` holds, so that a late `left` finds it or knows it was overwritten. */
  private sentNumber = new Float64Array(0)
  private sentHead = 0
  private sends = 0
  private ringSlot = 0
  total = 0
  rejected = 0
  throttledMs = 0

  constructor(
    readonly category: RateCategory,
    readonly family: RateFamily,
    private plan: RatePlan,
    private readonly daily: DailyCounter,
    /** Pacing's clock (never back); the wall clock is for days and dates. */
    private readonly steady: SteadyClock,
    private readonly wall: () => number,
    private readonly headroom: number,
    private readonly maxWaitMs: number,
    private readonly sleep: Sleep,
  ) {
    this.base = planLimits(plan, family).categories[category].perSecond
    this.rate = this.base
    this.interval = 1000 / (this.rate * headroom)
    this.resizeLog()
  }

  setPlan(plan: RatePlan): void {
    if (plan === this.plan) return
    this.plan = plan
    this.setBase(planLimits(plan, this.family).categories[this.category].perSecond)
  }

  /**
   * Takes a slot. Returns the send's number when the request may go now (no allocation, no timer),
   * or a promise of it that resolves at its slot. Rejects with ZOOM_RATE_LIMITED when a daily cap
   * is used up or Zoom asked for a pause longer than `maxWaitMs`, with CANCELLED when `signal`
   * aborts. `onWait` is told how long the request will be held, when it is. The number is for `left`.
   */
  acquire(signal?: AbortSignal, onWait?: (ms: number) => void): number | Promise<number> {
    const now = this.steady.now()
    const blockedFor = this.daily.take(this.wall())
    if (blockedFor !== undefined) return Promise.reject(this.capError(blockedFor))
    if (this.pausedUntil - now > this.maxWaitMs) return Promise.reject(this.pauseError(this.pausedUntil - now))
    const slot = Math.max(this.tat - this.interval * CATCH_UP_SLOTS, now, this.pausedUntil, this.windowGate())
    this.tat = Math.max(this.tat, slot) + this.interval
    this.count(now)
    if (slot <= now) return this.recordSend(now)
    this.throttledMs += slot - now
    onWait?.(slot - now)
    return this.sleep(slot - now, signal).then(() => this.admit(signal))
  }

  /**
   * After a wait: timers fire late under load, and late waiters bunch up. The slot schedule alone
   * would then let more than `limit` requests into one of Zoom's windows; the log of actual send
   * times forbids it (at most `limit` sends in any sliding window), and a pause that arrived
   * meanwhile (a 429 elsewhere) is honoured too.
   */
  private admit(signal: AbortSignal | undefined): number | Promise<number> {
    const now = this.steady.now()
    const gate = Math.max(this.pausedUntil, this.windowGate())
    if (gate <= now) return this.recordSend(now)
    this.throttledMs += gate - now
    return this.sleep(gate - now, signal).then(() => this.admit(signal))
  }

  /**
   * The slot from which one more send, leaving as late as the quickest send in the log did, keeps
   * the last `limit` sends and it out of one window, with the margin for delivery.
   */
  private windowGate(): number {
    return this.sent.length === 0 ? -Infinity : this.sent[this.sentHead]! + this.windowMs() + this.deliveryMarginMs() - this.leastReportedDelay()
  }

  /** The shortest time a send in the log took to leave after its slot; 0 while none has said. */
  private leastReportedDelay(): number {
    let least = Infinity
    // NaN (not yet reported) never compares less.
    for (let i = 0; i < this.sentDelay.length; i++) if (this.sentDelay[i]! < least) least = this.sentDelay[i]!
    return least === Infinity ? 0 : least
  }

  private recordSend(now: number): number {
    const number = ++this.sends
    if (this.sent.length === 0) return number
    this.sent[this.sentHead] = now
    this.sentDelay[this.sentHead] = NaN
    this.sentNumber[this.sentHead] = number
    this.sentHead = (this.sentHead + 1) % this.sent.length
    return number
  }

  /**
   * Send `number` actually left at `wallAt` (its connection opened, its bytes written; a time of
   * the wall clock, the `now` option): when that is later than its slot, it now counts from then,
   * and either way its delay is known. Ignored once the entry was overwritten by later sends.
   */
  left(number: number, wallAt: number): void {
    const size = this.sent.length
    if (size === 0 || !(wallAt > 0)) return
    const at = this.steady.fromWall(wallAt)
    const index = (this.sentHead - 1 - ((this.sends - number) % size) + size) % size
    if (this.sentNumber[index] !== number) return
    const later = Math.max(0, at - this.sent[index]!)
    const reported = this.sentDelay[index]!
    this.sentDelay[index] = (Number.isNaN(reported) ? 0 : reported) + later
    this.sent[index]! += later
  }

  /** Learns from a response of this category (the caller routes by X-RateLimit-Category when present). */
  observe(status: number, headers: HeaderMap): void {
    const now = this.steady.now()
    const wall = this.wall()
    const type = header(headers, 'x-ratelimit-type')?.toLowerCase()
    const isDaily = type !== undefined && type.startsWith('daily')
    if (status === 429) {
      this.rejected++
      const retryAfter = parseRetryAfter(header(headers, 'retry-after'), wall)
      if (isDaily) {
        this.daily.blockedUntil = wall + (retryAfter ?? nextUtcMidnight(wall) - wall)
        return
      }
      this.pausedUntil = Math.max(this.pausedUntil, now + (retryAfter ?? this.windowMs()))
      this.setRate(Math.max(this.base * 0.25, this.rate * 0.7))
      return
    }
    if (status < 200 || status >= 300) return
    const remaining = header(headers, 'x-ratelimit-remaining')
    if (isDaily) {
      if (remaining === '0') this.daily.blockedUntil = nextUtcMidnight(wall)
    } else if (type === 'qps' && this.category !== 'resource-intensive') {
      const limit = Number(header(headers, 'x-ratelimit-limit'))
      if (Number.isFinite(limit) && limit > 0 && limit !== this.base) this.setBase(limit)
    }
    if (this.rate < this.base) this.setRate(Math.min(this.base, this.rate + this.base * 0.02))
  }

  usage(): RateUsage {
    const now = this.steady.now()
    this.advanceRing(now)
    let used = 0
    for (const n of this.ring) used += n
    return {
      category: this.category,
      plan: this.family === 'phone' ? `${this.plan} (phone)` : this.plan,
      limitPerSecond: Math.round(this.rate * 1000) / 1000,
      used,
      total: this.total,
      throttledMs: Math.round(this.throttledMs),
      rejected: this.rejected,
    }
  }

  private windowMs(): number {
    return this.category === 'resource-intensive' ? 60_000 : 1000
  }

  private deliveryMarginMs(): number {
    return this.windowMs() * Math.max(0, 1 / this.headroom - 1) * DELIVERY_MARGIN_SHARE
  }

  private setBase(perSecond: number): void {
    // Keep a 429-lowered pace; a full pace follows the new limit up or down.
    const wasFull = this.rate >= this.base
    this.base = perSecond
    this.resizeLog()
    if (wasFull || this.rate > perSecond) this.setRate(perSecond)
  }

  /**
   * The send log holds as many entries as Zoom allows per window (−∞ = never sent); a headroom
   * above 1 (benchmarks, "I know better") widens it, and beyond LOG_MAX entries it is off.
   */
  private resizeLog(): void {
    const perWindow = Math.max(1, Math.floor((this.base * Math.max(1, this.headroom) * this.windowMs()) / 1000 + 1e-9))
    const size = perWindow > LOG_MAX ? 0 : perWindow
    if (this.sent.length === size) return
    this.sent = new Float64Array(size).fill(-Infinity)
    this.sentDelay = new Float64Array(size).fill(NaN)
    this.sentNumber = new Float64Array(size)
    this.sentHead = 0
  }

  private setRate(perSecond: number): void {
    this.rate = perSecond
    this.interval = 1000 / (perSecond * this.headroom)
  }

  private pauseError(waitMs: number): AppError {
    return new AppError('ZOOM_RATE_LIMITED', `Zoom asked to pause its ${this.category} requests for ${Math.ceil(waitMs / 1000)} s; try again later.`, { retryAfterMs: Math.round(waitMs) })
  }

  private capError(waitMs: number): AppError {
    return new AppError('ZOOM_RATE_LIMITED', `The daily limit of Zoom's ${this.category} requests is used up; try again later.`, { retryAfterMs: Math.round(waitMs) })
  }

  private count(now: number): void {
    this.total++
    this.advanceRing(now)
    this.ring[this.ringSlot % RING_SLOTS]!++
  }

  /** Clears the 100 ms slots that passed since the last call. */
  private advanceRing(now: number): void {
    const slot = Math.floor(now / RING_SLOT_MS)
    if (slot === this.ringSlot) return
    const steps = Math.min(RING_SLOTS, slot - this.ringSlot)
    for (let i = 1; i <= steps; i++) this.ring[(this.ringSlot + i) % RING_SLOTS] = 0
    this.ringSlot = slot
  }
}

function header(headers: HeaderMap, name: string): string | undefined {
  const v = headers[name]
  return Array.isArray(v) ? v[0] : v
}

/** The limiters of one Zoom account: every category of the main API and of Zoom Phone. */
export class AccountRateLimiter {
  private readonly limiters = new Map<string, CategoryLimiter>()
  private readonly dailies = new Map<string, DailyCounter>()
  private readonly wall: () => number
  private readonly steady: SteadyClock
  private readonly headroom: number
  private readonly maxWaitMs: number
  private readonly sleep: Sleep
  private readonly dailyCaps: boolean

  constructor(
    private plan: RatePlan,
    options: RateLimiterOptions = {},
  ) {
    this.dailyCaps = options.dailyCaps ?? true
    this.wall = options.now ?? Date.now
    this.steady = steadyClock(this.wall)
    this.headroom = options.headroom ?? 0.97
    this.maxWaitMs = options.maxWaitMs ?? 60_000
    this.sleep = options.sleep ?? timerSleep
  }

  setPlan(plan: RatePlan): void {
    if (plan === this.plan) return
    this.plan = plan
    for (const limiter of this.limiters.values()) limiter.setPlan(plan)
  }

  limiter(family: RateFamily, category: RateCategory): CategoryLimiter {
    const key = family === 'api' ? category : `phone:${category}`
    let limiter = this.limiters.get(key)
    if (!limiter) {
      limiter = new CategoryLimiter(category, family, this.plan, this.dailyFor(family, category), this.steady, this.wall, this.headroom, this.maxWaitMs, this.sleep)
      this.limiters.set(key, limiter)
    }
    return limiter
  }

  /** Routes a response to the category Zoom names in X-RateLimit-Category, else to the one the request was paced in. */
  observe(family: RateFamily, category: RateCategory, status: number, headers: HeaderMap): void {
    const named = parseRateCategory(header(headers, 'x-ratelimit-category'))
    this.limiter(family, named ?? category).observe(status, headers)
  }

  /** Every main-API category, plus the Zoom Phone ones that were used. */
  usage(): RateUsage[] {
    const out = RATE_CATEGORIES.map((c) => this.limiter('api', c).usage())
    for (const c of RATE_CATEGORIES) {
      const phone = this.limiters.get(`phone:${c}`)
      if (phone) out.push(phone.usage())
    }
    return out
  }

  private dailyFor(family: RateFamily, category: RateCategory): DailyCounter {
    const limits = planLimits(this.plan, family)
    const shared = limits.sharedDaily?.categories.includes(category)
    const key = shared ? `${family}:shared` : `${family}:${category}`
    let counter = this.dailies.get(key)
    if (!counter) {
      counter = new DailyCounter(!this.dailyCaps ? undefined : shared ? limits.sharedDaily?.perDay : limits.categories[category].perDay)
      this.dailies.set(key, counter)
    }
    return counter
  }
}
