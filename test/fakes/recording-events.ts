// An EventSink that records what main pushed, and lets a test wait for a particular event.
import type { EventMap, EventName } from '../../common/contract/events'
import type { EventSink } from '../../main/ports'

export interface RecordedEvent {
  name: EventName
  payload: unknown
}

export class RecordingEvents implements EventSink {
  readonly events: RecordedEvent[] = []
  private waiters: { name: EventName; match: (payload: never) => boolean; resolve: (payload: never) => void }[] = []

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    this.events.push({ name, payload })
    this.waiters = this.waiters.filter((w) => {
      if (w.name !== name || !w.match(payload as never)) return true
      w.resolve(payload as never)
      return false
    })
  }

  of<E extends EventName>(name: E): EventMap[E][] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload as EventMap[E])
  }

  /** The next matching event (not one already recorded). */
  next<E extends EventName>(name: E, match: (payload: EventMap[E]) => boolean = () => true): Promise<EventMap[E]> {
    return new Promise((resolve) => this.waiters.push({ name, match: match as (p: never) => boolean, resolve: resolve as (p: never) => void }))
  }
}
