// How long locking the vault or quitting waits for the token work in flight (token-manager.ts,
// settle). The bound alone is shorter than a token request's timeout, but a refresh still on the
// wire must not be given up on: Zoom revokes the old refresh token as soon as it issues a new one,
// so the answer on its way carries the only refresh token that still works. While a request is on
// the wire the wait goes on — each request ends by its own timeout — and after the last one has
// ended, a short grace lets what follows it (writing the set to the vault) finish.
import type { Scheduler } from '../ports'

/** Time to write a set once its request has ended (the vault write is one small atomic file write). */
export const SAVE_GRACE_MS = 5_000

export interface RequestsOnTheWire {
  busy(): boolean
  idle(): Promise<void>
}

export interface SettleBound {
  /** Resolves when the wait should end. */
  reached: Promise<void>
  /** Stops the timers (the work settled first); `reached` then never resolves. */
  cancel(): void
}

export function settleBound(scheduler: Scheduler, boundMs: number, requests: RequestsOnTheWire): SettleBound {
  let cancelled = false
  let cancelTimer = () => undefined as void
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      cancelTimer = scheduler.setTimeout(resolve, ms)
    })
  const reached = (async () => {
    await wait(boundMs)
    while (!cancelled && requests.busy()) {
      await requests.idle()
      if (!cancelled) await wait(SAVE_GRACE_MS)
    }
  })()
  return {
    reached,
    cancel() {
      cancelled = true
      cancelTimer()
    },
  }
}
