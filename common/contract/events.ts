import type { StoreProblem, VaultStatus } from './app'
import type { ConnectionStatus, TimelineEvent } from './auth'
import type { ExportProgress, JobProgress } from './data'
import type { DownloadsSnapshot } from './downloads'
import type { EventsStatus } from './events-subscription'
import type { UpdatesSnapshot } from './updates'

/** What main pushes to the renderer. Payloads never carry a secret or a token. */
export interface EventMap {
  'auth.status': ConnectionStatus
  'auth.timeline': TimelineEvent
  'data.job': JobProgress
  /** An export being written (at most a few a second); its call's answer says how it ended. */
  'data.exportProgress': ExportProgress
  'downloads.changed': DownloadsSnapshot
  'vault.status': VaultStatus
  'app.problem': StoreProblem
  'profiles.changed': { ids: string[] }
  /** A connection's event socket changed state or received events (throttled). */
  'events.status': EventsStatus
  'updates.changed': UpdatesSnapshot
}

export type EventName = keyof EventMap

// Kept as a literal list (not derived at run time) so the preload bundle needs no zod; the
// type check below fails the build if it ever drifts from EventMap.
export const EVENT_NAMES = ['auth.status', 'auth.timeline', 'data.job', 'data.exportProgress', 'downloads.changed', 'vault.status', 'app.problem', 'profiles.changed', 'events.status', 'updates.changed'] as const

type Missing = Exclude<EventName, (typeof EVENT_NAMES)[number]>
export const eventNamesComplete: [Missing] extends [never] ? true : Missing = true

/** The IPC channel an event travels on. */
export const eventChannel = (name: EventName) => `event:${name}`
