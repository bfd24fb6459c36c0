// `left` finds a send's place in the send log by arithmetic on send numbers. Against a plain model
// (the sends since the log was last resized, of which the log holds the newest `size`), any mix
// of sends, `left` reports (current, overwritten, not yet made, bogus times) and limit changes
// leaves the log holding exactly the times the model says, oldest first.
import fc from 'fast-check'
import { expect, it } from 'vitest'
import { AccountRateLimiter, type CategoryLimiter } from '../../../main/zoom/rate-limiter'

/** The log as the limiter keeps it, read oldest first (its internals, read-only). */
function logOf(limiter: CategoryLimiter): { number: number; at: number }[] {
  const inner = limiter as unknown as { sent: Float64Array; sentNumber: Float64Array; sentHead: number }
  const out: { number: number; at: number }[] = []
  for (let i = 0; i < inner.sent.length; i++) {
    const k = (inner.sentHead + i) % inner.sent.length
    if (inner.sent[k] !== -Infinity) out.push({ number: inner.sentNumber[k]!, at: inner.sent[k]! })
  }
  return out
}

type Step = { kind: 'send'; advance: number } | { kind: 'left'; back: number; delay: number } | { kind: 'limit'; perSecond: number }

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('send' as const), advance: fc.integer({ min: 0, max: 400 }) }) },
  // back: how many sends ago (0 = the last; may exceed what the log holds, or be negative: a number not yet given).
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('left' as const), back: fc.integer({ min: -3, max: 30 }), delay: fc.integer({ min: -200, max: 3000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('limit' as const), perSecond: fc.constantFrom(3, 5, 10, 12) }) },
)

it('moves exactly the send named, while the log still holds it, and only later', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
      let t = Date.UTC(2026, 0, 1, 12)
      const limiter = new AccountRateLimiter('pro', { now: () => t, headroom: 1, dailyCaps: false }).limiter('api', 'heavy')
      let size = 10
      let model: { number: number; at: number }[] = []
      let sends = 0
      for (const s of steps) {
        if (s.kind === 'send') {
          // Two windows apart at least, so that neither the pace nor the log holds a send (a held send is numbered later).
          t += 2000 + s.advance
          const n = limiter.acquire()
          if (typeof n !== 'number') throw new Error('a send was held')
          sends++
          expect(n).toBe(sends)
          model.push({ number: n, at: t })
        } else if (s.kind === 'left') {
          const number = sends - s.back
          if (number < 1) continue // acquire numbers sends from 1
          const at = (model.find((e) => e.number === number)?.at ?? t) + s.delay
          limiter.left(number, at)
          const kept = model.slice(-size)
          const entry = kept.find((e) => e.number === number)
          if (entry && at > entry.at && at > 0) entry.at = at
        } else {
          limiter.observe(200, { 'x-ratelimit-type': 'QPS', 'x-ratelimit-limit': String(s.perSecond) })
          if (s.perSecond !== size) {
            size = s.perSecond
            model = []
          }
        }
        expect(logOf(limiter)).toEqual(model.slice(-size))
      }
    }),
    { numRuns: 300 },
  )
})
