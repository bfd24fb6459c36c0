// App settings (theme, clipboard clear delay, connect-window sign-in, downloads).
import type { StateCreator } from 'zustand'
import type { Settings, SettingsPatch } from '../../../common/contract/index'
import { call } from '../../ipc'
import type { Store } from '../types'

export interface SettingsState {
  settings: Settings | undefined
}

export interface SettingsSlice extends SettingsState {
  loadSettings(): Promise<void>
  updateSettings(patch: SettingsPatch): Promise<void>
  /** Main shows its folder picker; the download folder is never typed or sent from here. */
  chooseDownloadFolder(): Promise<void>
}

export const getEmptySettingsState = (): SettingsState => ({ settings: undefined })

export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  ...getEmptySettingsState(),
  loadSettings: async () => {
    set({ settings: await call('settings.get', undefined) })
  },
  updateSettings: async (patch) => {
    const before = get().settings
    // Optimistic so a theme switch or toggle feels instant; rolled back if main refuses.
    if (before) set({ settings: { ...before, ...patch } })
    try {
      set({ settings: await call('settings.update', patch) })
    } catch (error) {
      set({ settings: before })
      throw error
    }
  },
  chooseDownloadFolder: async () => {
    set({ settings: await call('settings.chooseDownloadFolder', undefined) })
  },
})
