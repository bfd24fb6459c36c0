// When locking or quitting stops waiting for token work: at its bound, unless a token request is
// still on the wire — then once that request has ended and its set has had time to be written.
import { describe, expect, it } from 'vitest'
import { SAVE_GRACE_MS, settleBound } from '../../../main/tokens/settle-bound'
import { ManualTime } from '../../fakes/manual-time'

/** Requests on the wire that the test ends. */
function wire() {
  let inFlight = 0
  let ended: (() => void) | undefined
  let done = Promise.resolve()
  return {
    start() {
      inFlight += 1
      done = new Promise((resolve) => (ended = resolve))
    },
    end() {
      inFlight -= 1
      if (inFlight === 0) ended?.()
    },
    busy: () => inFlight > 0,
    idle: () => done,
  }
}

/** Whether `promise` has resolved once pending callbacks have run. */
async function hasResolved(promise: Promise<void>): Promise<boolean> {
  let resolved = false
  void promise.then(() => (resolved = true))
  for (let i = 0; i < 5; i++) await Promise.resolve()
  return resolved
}

describe('the bound of a quit or lock', () => {
  it('is reached at its time when nothing is on the wire', async () => {
    const time = new ManualTime()
    const bound = settleBound(time, 15_000, wire())
    time.advance(14_999)
    expect(await hasResolved(bound.reached)).toBe(false)
    time.advance(1)
    expect(await hasResolved(bound.reached)).toBe(true)
  })

  it('waits past it for a request still on the wire, then gives the set time to be written', async () => {
    const time = new ManualTime()
    const requests = wire()
    requests.start()
    const bound = settleBound(time, 15_000, requests)
    time.advance(16_000)
    expect(await hasResolved(bound.reached)).toBe(false)
    requests.end()
    // The grace starts once the request has ended.
    await time.whenPending()
    time.advance(SAVE_GRACE_MS - 1)
    expect(await hasResolved(bound.reached)).toBe(false)
    time.advance(1)
    expect(await hasResolved(bound.reached)).toBe(true)
  })

  it('leaves no timer behind once cancelled', async () => {
    const time = new ManualTime()
    const requests = wire()
    requests.start()
    const bound = settleBound(time, 15_000, requests)
    bound.cancel()
    expect(time.pending()).toBe(0)
    time.advance(15_000)
    requests.end()
    for (let i = 0; i < 5; i++) await Promise.resolve()
    expect(time.pending()).toBe(0)
    expect(await hasResolved(bound.reached)).toBe(false)
  })
})
