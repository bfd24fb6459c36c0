// Live events per connection: the subscription settings and the socket's status (pushed by main
// as 'events.status'). The events themselves stay in main's dataset and are read in windows.
import type { StateCreator } from 'zustand'
import type { EventDetail, EventsConfig, EventsStatus, WebhookCheckResult } from '../../../common/contract/index'
import { call, subscribe } from '../../ipc'
import type { Store } from '../types'

export interface EventsState {
  eventConfigs: Record<string, EventsConfig | undefined>
  eventStatuses: Record<string, EventsStatus | undefined>
}

export interface EventsSlice extends EventsState {
  /** Loads the connection's settings and status and follows main's pushes; returns the unsubscribe function. */
  watchEvents(profileId: string): () => void
  saveEventsConfig(profileId: string, subscriptionId: string, eventsUrl: string): Promise<EventsConfig>
  connectEvents(profileId: string): Promise<void>
  disconnectEvents(profileId: string): Promise<void>
  eventDetail(datasetId: string, index: number): Promise<EventDetail>
  setWebhookSecret(profileId: string, secret: string | null): Promise<void>
  checkWebhook(input: { profileId: string; body: string; signature: string; timestamp: string }): Promise<WebhookCheckResult>
}

export const getEmptyEventsState = (): EventsState => ({ eventConfigs: {}, eventStatuses: {} })

export const createEventsSlice: StateCreator<Store, [], [], EventsSlice> = (set) => {
  const applyStatus = (status: EventsStatus) => set((s) => ({ eventStatuses: { ...s.eventStatuses, [status.profileId]: status } }))
  const applyConfig = (config: EventsConfig) => set((s) => ({ eventConfigs: { ...s.eventConfigs, [config.profileId]: config } }))
  return {
    ...getEmptyEventsState(),
    watchEvents: (profileId) => {
      const unsubscribe = subscribe('events.status', (status) => {
        if (status.profileId === profileId) applyStatus(status)
      })
      void call('events.config', { profileId }).then(applyConfig, () => undefined)
      void call('events.status', { profileId }).then(applyStatus, () => undefined)
      return unsubscribe
    },
    saveEventsConfig: async (profileId, subscriptionId, eventsUrl) => {
      const config = await call('events.saveConfig', { profileId, subscriptionId, eventsUrl })
      applyConfig(config)
      return config
    },
    connectEvents: async (profileId) => applyStatus(await call('events.connect', { profileId })),
    disconnectEvents: async (profileId) => applyStatus(await call('events.disconnect', { profileId })),
    eventDetail: (datasetId, index) => call('events.detail', { datasetId, index }),
    setWebhookSecret: async (profileId, secret) => applyConfig(await call('events.setWebhookSecret', { profileId, secret })),
    checkWebhook: (input) => call('events.checkWebhook', input),
  }
}
