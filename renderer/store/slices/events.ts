// Live events per connection: the subscription settings and the socket's status (pushed by main
// as 'events.status'). The events themselves stay in main's dataset and are read in windows.
import type { StateCreator } from 'zustand'
import type { EventDetail, EventsConfig, EventsStatus, WebhookCheckResult } from '../../../common/contract/index'
import { call, subscribe } from '../../ipc'
import { trackTask, type Task } from '../task'
import type { Store } from '../types'

/**
 * The Events tab's actions, by the control that shows their state: saving the subscription, the
 * socket's Connect / Disconnect, and the webhook helper's secret token and request check.
 */
export type EventsAction = 'saveConfig' | 'socket' | 'webhook'

export interface EventsState {
  eventConfigs: Record<string, EventsConfig | undefined>
  eventStatuses: Record<string, EventsStatus | undefined>
  /** Key: eventsTaskKey(profileId, action). */
  eventTasks: Record<string, Task<EventsAction> | undefined>
}

export const eventsTaskKey = (profileId: string, action: EventsAction) => `${profileId}:${action}`

export interface EventsSlice extends EventsState {
  /** Loads the connection's settings and status and follows main's pushes; returns the unsubscribe function. */
  watchEvents(profileId: string): () => void
  /** Each action below but eventDetail records itself in `eventTasks` (running, then cleared or failed) and still rejects on failure. */
  saveEventsConfig(profileId: string, subscriptionId: string, eventsUrl: string): Promise<EventsConfig>
  connectEvents(profileId: string): Promise<void>
  disconnectEvents(profileId: string): Promise<void>
  eventDetail(datasetId: string, index: number): Promise<EventDetail>
  setWebhookSecret(profileId: string, secret: string | null): Promise<void>
  checkWebhook(input: { profileId: string; body: string; signature: string; timestamp: string }): Promise<WebhookCheckResult>
}

export const getEmptyEventsState = (): EventsState => ({ eventConfigs: {}, eventStatuses: {}, eventTasks: {} })

export const createEventsSlice: StateCreator<Store, [], [], EventsSlice> = (set) => {
  const track = <T>(profileId: string, action: EventsAction, run: () => Promise<T>): Promise<T> => {
    const key = eventsTaskKey(profileId, action)
    return trackTask((task) => set((s) => ({ eventTasks: { ...s.eventTasks, [key]: task } })), action, run)
  }
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
    saveEventsConfig: (profileId, subscriptionId, eventsUrl) =>
      track(profileId, 'saveConfig', async () => {
        const config = await call('events.saveConfig', { profileId, subscriptionId, eventsUrl })
        applyConfig(config)
        return config
      }),
    connectEvents: (profileId) => track(profileId, 'socket', async () => applyStatus(await call('events.connect', { profileId }))),
    disconnectEvents: (profileId) => track(profileId, 'socket', async () => applyStatus(await call('events.disconnect', { profileId }))),
    eventDetail: (datasetId, index) => call('events.detail', { datasetId, index }),
    setWebhookSecret: (profileId, secret) => track(profileId, 'webhook', async () => applyConfig(await call('events.setWebhookSecret', { profileId, secret }))),
    checkWebhook: (input) => track(input.profileId, 'webhook', () => call('events.checkWebhook', input)),
  }
}
