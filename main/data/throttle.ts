// Progress events at most every `intervalMs`, with a trailing call so the last state is always
// sent; `flush()` sends now (state changes should not wait).
import type { Clock, Scheduler } from '../ports'

export interface Throttled {
  request(): void
  flush(): void
  dispose(): void
}

export function throttle(send: () => void, intervalMs: number, clock: Clock, scheduler: Scheduler): Throttled {
  let lastSent = -Infinity
  let cancelTimer: (() => void) | undefined
  const fire = () => {
    cancelTimer?.()
    cancelTimer = undefined
    lastSent = clock.now()
    send()
  }
  return {
    request() {
      if (cancelTimer) return
      const wait = lastSent + intervalMs - clock.now()
      if (wait <= 0) fire()
      else cancelTimer = scheduler.setTimeout(fire, wait)
    },
    flush: fire,
    dispose() {
      cancelTimer?.()
      cancelTimer = undefined
    },
  }
}
