// The split of a gap of the event loop between running, waiting for a core and neither, as
// Linux's schedstat of the thread gives them.
import { describe, expect, it } from 'vitest'
import { watchLoopGaps } from '../../bench/metrics/support/loop-gap-split'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe.skipIf(process.platform !== 'linux')('watchLoopGaps', () => {
  it('counts a gap in which the thread computed as running', async () => {
    const watch = watchLoopGaps()!
    await tick()
    const until = performance.now() + 60
    while (performance.now() < until) {
      // computing: the loop is blocked while the thread runs
    }
    await tick()
    const gap = watch.stop()!
    expect(gap.gapMs).toBeGreaterThanOrEqual(60)
    expect(gap.ranMs + gap.waitedMs).toBeGreaterThan(gap.elsewhereMs)
  })

  it('counts a gap in which the thread was blocked in a call as neither running nor waiting', async () => {
    const watch = watchLoopGaps()!
    await tick()
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60)
    await tick()
    const gap = watch.stop()!
    expect(gap.gapMs).toBeGreaterThanOrEqual(60)
    expect(gap.elsewhereMs).toBeGreaterThan(gap.ranMs + gap.waitedMs)
  })
})
