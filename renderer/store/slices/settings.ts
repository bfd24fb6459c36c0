// App settings (theme, clipboard clear delay, connect-window sign-in, downloads) and the app's own
// updates (main's update service: what it found, download progress, restart to update).
import type { StateCreator } from 'zustand'
import type { Settings, SettingsPatch, UpdatesSnapshot } from '../../../common/contract/index'
import { call, errorMessage } from '../../ipc'
import { trackTask, type Task } from '../task'
import type { Store } from '../types'

/** What Settings → Updates can ask main: look for a version, download it, restart into it. */
export type UpdateAction = 'check' | 'download' | 'install'

export interface SettingsState {
  settings: Settings | undefined
  /** Main's update state ('updates.changed' keeps it current once loaded). */
  updates: UpdatesSnapshot | undefined
  /** The update action asked for and running, or the last one whose call failed and why. */
  updateTask: Task<UpdateAction> | undefined
}

export interface SettingsSlice extends SettingsState {
  loadSettings(): Promise<void>
  /** Applied at once, rolled back and reported as a notice if main refuses; never throws. */
  updateSettings(patch: SettingsPatch): Promise<void>
  /** Main shows its folder picker; the download folder is never typed or sent from here. A failure is reported as a notice; never throws. */
  chooseDownloadFolder(): Promise<void>
  /** Asks main for its update state, unless a pushed one arrived meanwhile (it is newer). */
  loadUpdates(): Promise<void>
  setUpdates(snapshot: UpdatesSnapshot): void
  /** Runs an update action, recorded in `updateTask`; a failed call is kept there, never thrown. */
  runUpdate(action: UpdateAction): Promise<void>
}

export const getEmptySettingsState = (): SettingsState => ({ settings: undefined, updates: undefined, updateTask: undefined })

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
      get().notify({ tone: 'error', title: 'The setting was not saved', description: errorMessage(error) })
    }
  },
  chooseDownloadFolder: async () => {
    try {
      set({ settings: await call('settings.chooseDownloadFolder', undefined) })
    } catch (error) {
      get().notify({ tone: 'error', title: 'The download folder was not changed', description: errorMessage(error) })
    }
  },
  loadUpdates: async () => {
    const before = get().updates
    const first = await call('updates.state', undefined)
    if (get().updates === before) set({ updates: first })
  },
  setUpdates: (updates) => set({ updates }),
  runUpdate: async (action) => {
    await trackTask(
      (updateTask) => set({ updateTask }),
      action,
      async () => {
        // Install answers nothing to show: the app quits into the new version.
        if (action === 'install') return call('updates.install', undefined)
        return set({ updates: await call(action === 'check' ? 'updates.check' : 'updates.download', undefined) })
      },
    ).catch(() => undefined)
  },
})
