// One bound store built from typed slices (style-anchors §9.12). Components read it with atomic
// selectors; actions call renderer/ipc.ts.
import { create } from 'zustand'
import { createBrowseSlice, getEmptyBrowseState } from './slices/browse'
import { createConnectionsSlice, getEmptyConnectionsState } from './slices/connections'
import { createConsoleSlice, getEmptyConsoleState } from './slices/console'
import { createDownloadsSlice, getEmptyDownloadsState } from './slices/downloads'
import { createEventsSlice, getEmptyEventsState } from './slices/events'
import { createPathValuesSlice, getEmptyPathValuesState } from './slices/path-values'
import { createSessionSlice, getEmptySessionState } from './slices/session'
import { createSettingsSlice, getEmptySettingsState } from './slices/settings'
import { createVaultSlice, getEmptyVaultState } from './slices/vault'
import type { Store } from './types'

export type { Store } from './types'

export const useStore = create<Store>()((...a) => ({
  ...createSessionSlice(...a),
  ...createVaultSlice(...a),
  ...createSettingsSlice(...a),
  ...createConnectionsSlice(...a),
  ...createBrowseSlice(...a),
  ...createPathValuesSlice(...a),
  ...createConsoleSlice(...a),
  ...createDownloadsSlice(...a),
  ...createEventsSlice(...a),
}))

/** Back to the first-launch state (tests; keeps the actions). */
export function resetStore(): void {
  useStore.setState({
    ...getEmptySessionState(),
    ...getEmptyVaultState(),
    ...getEmptySettingsState(),
    ...getEmptyConnectionsState(),
    ...getEmptyBrowseState(),
    ...getEmptyPathValuesState(),
    ...getEmptyConsoleState(),
    ...getEmptyDownloadsState(),
    ...getEmptyEventsState(),
  })
}
