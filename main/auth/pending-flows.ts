// One pending authorization flow per profile, each with its timeout and a way to cancel it.
// Ending a flow forgets it: a callback that arrives later has no state left to match.
// A flow is identified by its signal, not only by its profile: after a cancel, a new flow of the
// same profile may start before the old one has unwound, and the old one must not end the new one.
import { AppError } from '../../common/errors'
import type { Scheduler } from '../ports'

interface Flow {
  controller: AbortController
  cancelTimer: () => void
}

export class PendingFlows {
  private readonly flows = new Map<string, Flow>()

  constructor(private readonly scheduler: Scheduler) {}

  /** Starts a flow; AUTH_FLOW_PENDING if the profile already has one. The signal identifies the flow. */
  begin(profileId: string, timeoutMs: number): AbortSignal {
    if (this.flows.has(profileId)) throw new AppError('AUTH_FLOW_PENDING', 'A sign-in for this connection is already open; finish or cancel it first')
    const controller = new AbortController()
    const cancelTimer = this.scheduler.setTimeout(() => {
      controller.abort(new AppError('AUTH_FLOW_TIMEOUT', `The sign-in was not completed within ${Math.round(timeoutMs / 60_000) || 1} minute(s) and was stopped`))
      this.end(profileId, controller.signal)
    }, timeoutMs)
    this.flows.set(profileId, { controller, cancelTimer })
    return controller.signal
  }

  has(profileId: string): boolean {
    return this.flows.has(profileId)
  }

  /** Cancels the profile's pending flow; false when there is none. */
  cancel(profileId: string): boolean {
    const flow = this.flows.get(profileId)
    if (!flow) return false
    flow.controller.abort(new AppError('AUTH_FLOW_CANCELLED', 'The sign-in was cancelled'))
    this.end(profileId, flow.controller.signal)
    return true
  }

  /** Ends the flow that `signal` belongs to; a newer flow of the same profile is left alone. */
  end(profileId: string, signal: AbortSignal): void {
    const flow = this.flows.get(profileId)
    if (!flow || flow.controller.signal !== signal) return
    flow.cancelTimer()
    this.flows.delete(profileId)
  }

  cancelAll(): void {
    for (const id of [...this.flows.keys()]) this.cancel(id)
  }
}
