import type { EventsService } from '../../events/events-service'
import type { HandlersFor } from '../types'

/** events.* channels: the Events tab (subscription settings, socket, stored events, webhook helper). */
export function createEventsHandlers(events: EventsService): HandlersFor<'events'> {
  return {
    'events.config': ({ profileId }) => events.config(profileId),
    'events.saveConfig': ({ profileId, subscriptionId, eventsUrl }) => events.saveConfig(profileId, subscriptionId, eventsUrl),
    'events.status': ({ profileId }) => events.status(profileId),
    'events.connect': ({ profileId }) => events.connect(profileId),
    'events.disconnect': ({ profileId }) => events.disconnect(profileId),
    'events.detail': ({ datasetId, index }) => events.detail(datasetId, index),
    'events.setWebhookSecret': ({ profileId, secret }) => events.setWebhookSecret(profileId, secret),
    'events.checkWebhook': (input) => events.checkWebhook(input),
  }
}
