// The per-profile history of authentication events shown in the UI: kept in memory, bounded,
// never holding a token (details are short, escaped, human sentences).
import type { TimelineEvent } from '../../common/contract/auth'
import type { EventSink } from '../ports'

export const TIMELINE_LIMIT = 200

export class Timeline {
  private readonly entries = new Map<string, TimelineEvent[]>()

  constructor(private readonly events: EventSink) {}

  add(event: TimelineEvent): void {
    let list = this.entries.get(event.profileId)
    if (!list) this.entries.set(event.profileId, (list = []))
    list.push(event)
    if (list.length > TIMELINE_LIMIT) list.splice(0, list.length - TIMELINE_LIMIT)
    this.events.emit('auth.timeline', event)
  }

  list(profileId: string): TimelineEvent[] {
    return [...(this.entries.get(profileId) ?? [])]
  }

  forget(profileId: string): void {
    this.entries.delete(profileId)
  }
}
