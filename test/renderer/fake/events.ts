// The events.* channels of the fake bridge: settings and socket state only. Live events, their
// schema checks and the webhook helper need main (tested there and end to end): not emulated.
import type { ChannelInput, ChannelName, ChannelOutput, EventsConfig, EventsStatus } from '../../../common/contract/index'

type EventHandlers = { [K in Extract<ChannelName, `events.${string}`>]: (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>> }

export function fakeEventsHandlers(now: () => number, emit: (status: EventsStatus) => void): EventHandlers {
  const configs = new Map<string, EventsConfig>()
  const statuses = new Map<string, EventsStatus>()
  const config = (profileId: string) => configs.get(profileId) ?? { profileId, subscriptionId: '', eventsUrl: '', effectiveEventsUrl: 'wss://ws.zoom.us/ws', hasWebhookSecret: false }
  const status = (profileId: string) => statuses.get(profileId) ?? { profileId, state: 'idle' as const, attempt: 0, received: 0, counts: {} }
  const setStatus = (next: EventsStatus) => {
    statuses.set(next.profileId, next)
    emit(next)
    return next
  }
  const notEmulated = (): never => {
    throw new Error('not emulated by the fake bridge: live events need main (test/main/events, test/e2e/ui-events.test.ts)')
  }
  return {
    'events.config': ({ profileId }) => config(profileId),
    'events.saveConfig': ({ profileId, subscriptionId, eventsUrl }) => {
      configs.set(profileId, { ...config(profileId), subscriptionId, eventsUrl: eventsUrl ?? '' })
      return config(profileId)
    },
    'events.status': ({ profileId }) => status(profileId),
    'events.connect': ({ profileId }) => setStatus({ ...status(profileId), state: 'open', openSince: now(), attempt: 0 }),
    'events.disconnect': ({ profileId }) => setStatus({ profileId, state: 'closed', attempt: 0, reason: 'Disconnected', received: status(profileId).received, counts: status(profileId).counts }),
    'events.detail': notEmulated,
    'events.setWebhookSecret': ({ profileId, secret }) => {
      configs.set(profileId, { ...config(profileId), hasWebhookSecret: secret !== null })
      return config(profileId)
    },
    'events.checkWebhook': notEmulated,
  }
}
