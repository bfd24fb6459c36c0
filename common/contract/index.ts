// The single IPC contract (DESIGN.md, common/contract.ts): every channel's input schema and
// output type, and the events main pushes. Main validates against it, the preload is generated
// from its names, the renderer's client is typed by it.
import type { z } from 'zod'
import type { BridgeError } from '../errors'
import type { EventMap, EventName } from './events'
import { appChannels } from './app'
import { authChannels } from './auth'
import { catalogChannels } from './catalog'
import { consoleChannels } from './console'
import { dataChannels } from './data'
import type { ChannelDef } from './define'
import { downloadChannels } from './downloads'
import { eventsChannels } from './events-subscription'
import { profileChannels } from './profiles'
import { settingsChannels } from './settings'
import { vaultChannels } from './vault'
import { updatesChannels } from './updates'

export const channels = {
  ...appChannels,
  ...vaultChannels,
  ...settingsChannels,
  ...profileChannels,
  ...authChannels,
  ...dataChannels,
  ...downloadChannels,
  ...consoleChannels,
  ...catalogChannels,
  ...eventsChannels,
  ...updatesChannels,
}

export type Channels = typeof channels
export type ChannelName = keyof Channels
/** What the renderer passes (before defaults are applied). */
export type ChannelInput<K extends ChannelName> = z.input<Channels[K]['input']>
/** What main's handler receives (after parsing). */
export type ParsedInput<K extends ChannelName> = z.output<Channels[K]['input']>
export type ChannelOutput<K extends ChannelName> = Channels[K] extends ChannelDef<z.ZodType, infer O> ? O : never

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError }

/**
 * The global the preload exposes: one function per channel, plus `on`. The optional `callId`
 * names the call so that `app.cancelCall` can cancel it (its handler's signal aborts).
 */
export type Bridge = {
  [K in ChannelName]: (input: ChannelInput<K>, callId?: string) => Promise<Envelope<ChannelOutput<K>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void
}

export { BRIDGE_GLOBAL } from './bridge-global'

export * from './app'
export * from './auth'
export * from './catalog'
export * from './console'
export * from './data'
export * from './define'
export * from './downloads'
export * from './events'
export * from './events-subscription'
export * from './profiles'
export * from './settings'
export * from './vault'
export * from './updates'
