// The bound store's type: the union of every slice. Slices import this type only.
import type { BrowseSlice } from './slices/browse'
import type { ConnectionsSlice } from './slices/connections'
import type { ConsoleSlice } from './slices/console'
import type { DownloadsSlice } from './slices/downloads'
import type { EventsSlice } from './slices/events'
import type { PathValuesSlice } from './slices/path-values'
import type { SessionSlice } from './slices/session'
import type { SettingsSlice } from './slices/settings'
import type { VaultSlice } from './slices/vault'

export type Store = SessionSlice & VaultSlice & SettingsSlice & ConnectionsSlice & BrowseSlice & PathValuesSlice & ConsoleSlice & DownloadsSlice & EventsSlice
