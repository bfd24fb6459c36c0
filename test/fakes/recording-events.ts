// An EventSink that records what main pushed, and lets a test wait for a particular event.
import type { EventMap, EventName } from '../../common/contract/events'
import type { EventSink } from '../../main/ports'

export interface RecordedEvent {
  name: EventName
  payload: unknown
}

export class RecordingEvents implements EventSink {
  readonly events: RecordedEvent[] = []
  /** Each waiter checks the event's name itself, so its payload type follows from the name. */
  private waiters: ((name: EventName, payload: unknown) => boolean)[] = []

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    this.events.push({ name, payload })
    this.waiters = this.waiters.filter((settles) => !settles(name, payload))
  }

  of<E extends EventName>(name: E): EventMap[E][] {
    return this.events.filter((e) => e.name === name).map((e) => e.payload as EventMap[E])
  }

  /** The next matching event (not one already recorded). */
  next<E extends EventName>(name: E, match: (payload: EventMap[E]) => boolean = () => true): Promise<EventMap[E]> {
    return new Promise((resolve) =>
      this.waiters.push((emitted, payload) => {
        if (emitted !== name || !match(payload as EventMap[E])) return false
        resolve(payload as EventMap[E])
        return true
      }),
    )
  }
}
