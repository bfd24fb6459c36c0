// Connection profiles and their live status (auth.status events), timelines and the actions on them.
import type { StateCreator } from 'zustand'
import type { ConnectionStatus, ImportResult, ProfileExportResult, RateUsage, TimelineEvent, ValidationResult } from '../../../common/contract/index'
import type { ProfileDraft, ProfileView } from '../../../common/profile'
import { call, errorMessage } from '../../ipc'
import type { Store } from '../types'

/** What is running on a profile right now, so its buttons show progress and stay disabled. */
export type ProfileBusy = 'connecting' | 'disconnecting' | 'testing' | 'saving' | 'deleting'

/** The last Test connection of a profile: main's verdict, or why the call itself failed. */
export type TestOutcome = ValidationResult | { error: string }

/** The timeline keeps the latest events only; older ones are history, not health. */
const TIMELINE_LIMIT = 200

export interface ConnectionsState {
  profiles: ProfileView[]
  statuses: Record<string, ConnectionStatus>
  filter: string
  timelines: Record<string, TimelineEvent[]>
  busy: Record<string, ProfileBusy | undefined>
  lastTest: Record<string, TestOutcome | undefined>
  rateUsage: Record<string, RateUsage[] | undefined>
}

export interface ConnectionsSlice extends ConnectionsState {
  loadConnections(): Promise<void>
  setConnectionFilter(filter: string): void
  applyStatus(status: ConnectionStatus): void
  appendTimeline(event: TimelineEvent): void
  refreshProfiles(ids: string[]): Promise<void>
  createProfile(draft: ProfileDraft): Promise<ProfileView>
  /** `replaceSecretNow`: store a new Client Secret at once instead of after it has connected. */
  updateProfile(id: string, draft: ProfileDraft, options?: { replaceSecretNow?: boolean }): Promise<ProfileView>
  duplicateProfile(id: string): Promise<ProfileView>
  deleteProfile(id: string): Promise<{ revoked: boolean }>
  importProfilesFile(): Promise<ImportResult & { path?: string }>
  importProfilesJson(json: string): Promise<ImportResult>
  exportProfilesFile(ids?: string[]): Promise<ProfileExportResult>
  connect(id: string): Promise<ConnectionStatus>
  cancelConnect(id: string): Promise<void>
  disconnect(id: string): Promise<ConnectionStatus>
  /** Runs Test connection; the outcome (also a failed call) is kept in `lastTest`, never thrown. */
  testConnection(id: string): Promise<TestOutcome>
  /** Connect, reported as a notice (success or why not); the last test result is cleared. */
  connectWithNotice(id: string): Promise<void>
  copyToken(id: string): Promise<{ clearsAfterSeconds: number }>
  signOutZoom(id: string): Promise<void>
  loadTimeline(id: string): Promise<void>
  loadRateUsage(id: string): Promise<void>
}

export const getEmptyConnectionsState = (): ConnectionsState => ({
  profiles: [],
  statuses: {},
  filter: '',
  timelines: {},
  busy: {},
  lastTest: {},
  rateUsage: {},
})

const byName = (a: ProfileView, b: ProfileView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

export const createConnectionsSlice: StateCreator<Store, [], [], ConnectionsSlice> = (set, get) => {
  /** Marks a profile busy for the duration of an action, whatever its outcome. */
  const withBusy = async <T>(id: string, what: ProfileBusy, run: () => Promise<T>): Promise<T> => {
    set((s) => ({ busy: { ...s.busy, [id]: what } }))
    try {
      return await run()
    } finally {
      set((s) => ({ busy: { ...s.busy, [id]: undefined } }))
    }
  }
  const upsertProfile = (profile: ProfileView) =>
    set((s) => ({ profiles: [...s.profiles.filter((p) => p.id !== profile.id), profile].sort(byName) }))

  return {
    ...getEmptyConnectionsState(),
    loadConnections: async () => {
      const [profiles, statuses] = await Promise.all([call('profiles.list', undefined), call('auth.statuses', undefined)])
      set({ profiles: [...profiles].sort(byName), statuses: Object.fromEntries(statuses.map((s) => [s.profileId, s])) })
    },
    setConnectionFilter: (filter) => set({ filter }),
    applyStatus: (status) => set((s) => ({ statuses: { ...s.statuses, [status.profileId]: status } })),
    appendTimeline: (event) =>
      set((s) => {
        const list = s.timelines[event.profileId]
        // Only profiles whose timeline was loaded keep a live copy; the rest load on demand.
        if (!list) return {}
        return { timelines: { ...s.timelines, [event.profileId]: [event, ...list].slice(0, TIMELINE_LIMIT) } }
      }),
    refreshProfiles: async (ids) => {
      const present = new Set(get().profiles.map((p) => p.id))
      // A changed id that is unknown here may be new or deleted: a full reload settles both.
      if (ids.length === 0 || ids.some((id) => !present.has(id))) return get().loadConnections()
      const fetched = await Promise.all(ids.map((id) => call('profiles.get', { id }).catch(() => undefined)))
      if (fetched.some((p) => p === undefined)) return get().loadConnections()
      for (const profile of fetched) if (profile) upsertProfile(profile)
      return undefined
    },
    createProfile: async (draft) => {
      const profile = await call('profiles.create', draft)
      upsertProfile(profile)
      get().applyStatus(await call('auth.status', { profileId: profile.id }).catch(() => ({ profileId: profile.id, state: 'disconnected' as const, shown: 'disconnected' as const, grantedScopes: [], hasRefreshToken: false })))
      return profile
    },
    updateProfile: (id, draft, options = {}) =>
      withBusy(id, 'saving', async () => {
        const profile = await call('profiles.update', { id, draft, ...(options.replaceSecretNow ? { replaceSecretNow: true } : {}) })
        upsertProfile(profile)
        return profile
      }),
    duplicateProfile: async (id) => {
      const profile = await call('profiles.duplicate', { id })
      upsertProfile(profile)
      return profile
    },
    deleteProfile: (id) =>
      withBusy(id, 'deleting', async () => {
        const result = await call('profiles.delete', { id })
        set((s) => {
          const { [id]: _status, ...statuses } = s.statuses
          return { profiles: s.profiles.filter((p) => p.id !== id), statuses }
        })
        if (get().view.screen === 'connection' && get().view.profileId === id) get().navigate({ screen: 'home' })
        return result
      }),
    importProfilesFile: async () => {
      const result = await call('profiles.importFile', undefined)
      await get().loadConnections()
      return result
    },
    importProfilesJson: async (json) => {
      const result = await call('profiles.importJson', { json })
      await get().loadConnections()
      return result
    },
    exportProfilesFile: (ids) => call('profiles.exportFile', ids ? { ids } : {}),
    connect: (id) =>
      withBusy(id, 'connecting', async () => {
        const status = await call('auth.connect', { profileId: id })
        get().applyStatus(status)
        return status
      }),
    cancelConnect: (id) => call('auth.cancel', { profileId: id }),
    disconnect: (id) =>
      withBusy(id, 'disconnecting', async () => {
        const status = await call('auth.disconnect', { profileId: id })
        get().applyStatus(status)
        return status
      }),
    testConnection: (id) =>
      withBusy(id, 'testing', async () => {
        const result: TestOutcome = await call('auth.test', { profileId: id }).catch((error: unknown) => ({ error: errorMessage(error) }))
        set((s) => ({ lastTest: { ...s.lastTest, [id]: result } }))
        return result
      }),
    connectWithNotice: async (id) => {
      const name = () => get().profiles.find((p) => p.id === id)?.name ?? 'the connection'
      try {
        await get().connect(id)
        get().notify({ tone: 'success', title: `Connected “${name()}”` })
      } catch (error) {
        get().notify({ tone: 'error', title: `Could not connect “${name()}”`, description: errorMessage(error) })
      } finally {
        set((s) => ({ lastTest: { ...s.lastTest, [id]: undefined } }))
      }
    },
    copyToken: (id) => call('auth.copyToken', { profileId: id }),
    signOutZoom: (id) => call('auth.signOutZoom', { profileId: id }),
    loadTimeline: async (id) => {
      const events = await call('auth.timeline', { profileId: id })
      set((s) => ({ timelines: { ...s.timelines, [id]: [...events].sort((a, b) => b.at - a.at).slice(0, TIMELINE_LIMIT) } }))
    },
    loadRateUsage: async (id) => {
      const usage = await call('data.rateUsage', { profileId: id })
      set((s) => ({ rateUsage: { ...s.rateUsage, [id]: usage } }))
    },
  }
}
