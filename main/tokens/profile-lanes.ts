// One lane per profile: everything that reads or changes a profile's credentials (edit, delete,
// connect, renewal, loading the stored set, forgetting it) runs in the profile's lane, one after
// another, so none of them sees another half done. A renewal that started before an edit finishes
// before the edit begins; a connect queued behind a delete finds the profile gone.
//
// Re-entrant: work already running in a profile's lane (an edit revoking the old tokens, which
// forgets them) runs nested work for the same profile at once instead of queueing behind itself.
import { AsyncLocalStorage } from 'node:async_hooks'

export class ProfileLanes {
  private readonly tails = new Map<string, Promise<void>>()
  private readonly held = new AsyncLocalStorage<ReadonlySet<string>>()

  /** Runs `work` when everything queued before it in the profile's lane has finished. */
  run<T>(profileId: string, work: () => Promise<T>): Promise<T> {
    const holding = this.held.getStore()
    if (holding?.has(profileId)) return work()
    const lanes = new Set(holding ?? [])
    lanes.add(profileId)
    const previous = this.tails.get(profileId) ?? Promise.resolve()
    const result = previous.then(() => this.held.run(lanes, work))
    const tail = result.then(ignore, ignore)
    this.tails.set(profileId, tail)
    void tail.then(() => {
      if (this.tails.get(profileId) === tail) this.tails.delete(profileId)
    })
    return result
  }

  /** True inside work running in the profile's lane. */
  holds(profileId: string): boolean {
    return this.held.getStore()?.has(profileId) === true
  }

  /** True while work is running or queued in the profile's lane. */
  busy(profileId: string): boolean {
    return this.tails.has(profileId)
  }

  /** Resolves once everything queued so far, in every lane, has finished. */
  async idle(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()])
  }
}

const ignore = () => undefined
