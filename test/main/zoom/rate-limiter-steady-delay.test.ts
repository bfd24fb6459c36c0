// What the send log costs a steady crawl when every request leaves some time after its slot (the
// per-request proxy lookup and the token come after the slot is taken; a busy event loop delays
// the write). `left` moves each send to when it left; were a new send judged by its slot alone, a
// delay d that every send shares would widen the log's span by d (the pace at most
// limit × 1,000 / (1,000 + margin + d) ms: 94.8 % of the limit at 30 ms). A new send is expected
// to leave as late as the quickest send in the log did, so the pace stays the interval's.
// Simulated on a fake clock: six lanes against Business Medium (60/s), each answer 20 ms after its
// request left and reporting when it left.
import { expect, it } from 'vitest'
import { AccountRateLimiter } from '../../../main/zoom/rate-limiter'

/** A discrete-event clock: sleeps and scheduled callbacks run in time order, at once. */
function simulation(start = Date.UTC(2026, 0, 1, 12)) {
  let t = start
  let seq = 0
  const events: { at: number; seq: number; run: () => void }[] = []
  const at = (time: number, run: () => void) => void events.push({ at: time, seq: seq++, run })
  const sleep = (ms: number) => new Promise<void>((resolve) => at(t + ms, resolve))
  const runUntil = async (end: number) => {
    for (;;) {
      // Every promise the last event settled runs first (a lane acquiring again, a waiter admitted).
      await new Promise((resolve) => setImmediate(resolve))
      events.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = events.shift()
      if (!next || next.at > end) return
      t = Math.max(t, next.at)
      next.run()
    }
  }
  return { now: () => t, sleep, at, runUntil, start }
}

/** Sends per second that left from 5 s to 25 s, as a share of the limit. */
async function steadyShare(delayMs: number): Promise<number> {
  const sim = simulation()
  const limiter = new AccountRateLimiter('business', { now: sim.now, sleep: sim.sleep }).limiter('api', 'medium')
  const departures: number[] = []
  const lane = async () => {
    for (;;) {
      const send = await limiter.acquire()
      const leftAt = sim.now() + delayMs
      departures.push(leftAt)
      await new Promise<void>((resolve) =>
        sim.at(leftAt + 20, () => {
          limiter.left(send, leftAt)
          resolve()
        }),
      )
    }
  }
  for (let i = 0; i < 6; i++) void lane()
  await sim.runUntil(sim.start + 25_000)
  return departures.filter((d) => d >= sim.start + 5000 && d < sim.start + 25_000).length / 20 / 60
}

it.each([0, 5, 30, 50])('keeps the interval’s pace when requests leave %i ms after their slots', async (delayMs) => {
  expect(await steadyShare(delayMs)).toBeGreaterThanOrEqual(0.969)
})
