// Connection profiles and their live status (auth.status events), timelines and the actions on them.
import type { StateCreator } from 'zustand'
import type { ConnectionState, ConnectionStatus, ImportResult, ProfileExportResult, RateUsage, TimelineEvent, ValidationResult } from '../../../common/contract/index'
import { usesClientSecret, type ProfileDraft, type ProfileView, type RatePlan } from '../../../common/profile'
import { describeIssues } from '../../../common/validation'
import type { ErrorCode } from '../../../common/errors'
import { BridgeCallError, call, errorMessage } from '../../ipc'
import type { Task } from '../task'
import type { Store } from '../types'

/** What is running on a profile right now, so its buttons show progress and stay disabled. */
export type ProfileBusy = 'connecting' | 'disconnecting' | 'testing' | 'saving' | 'deleting'

/** Why a profile's last action failed (shown next to the control that ran it), until its next action starts. */
export interface ProfileFailure {
  action: ProfileBusy
  error: string
}

/** An editor's Save or Save & connect. */
export type EditorAction = 'save' | 'connect'

/** The editor's action running, or why it failed; `code` is main's code when the save itself was refused. */
export type EditorTask = Task<EditorAction> & { code?: ErrorCode }

/** The last Test connection of a profile: main's verdict, or why the call itself failed. */
export type TestOutcome = ValidationResult | { error: string }

/** The states in which the connection still has the token a Test connection used (or is getting a new one). */
const TOKEN_HELD: ReadonlySet<ConnectionState> = new Set(['connected', 'expiring', 'refreshing', 'connecting'])

/** The timeline keeps the latest events only; older ones are history, not health. */
const TIMELINE_LIMIT = 200

export interface ConnectionsState {
  profiles: ProfileView[]
  statuses: Record<string, ConnectionStatus>
  filter: string
  timelines: Record<string, TimelineEvent[]>
  busy: Record<string, ProfileBusy | undefined>
  failed: Record<string, ProfileFailure | undefined>
  /** Key: the editor's key (the profile id it opened on, or 'new'). */
  editorTasks: Record<string, EditorTask | undefined>
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
  /**
   * The editor's Save (`connect` false) or the save of Save & connect, recorded in
   * `editorTasks[key]`: running, then cleared (Save) or still running for connectFromEditor (Save
   * & connect), or failed with the reason. A refused save rejects (main's field issues are on the error).
   */
  saveFromEditor(key: string, request: { savedId: string | undefined; draft: ProfileDraft; replaceSecretNow: boolean; connect: boolean }): Promise<ProfileView>
  /** Save & connect's connect, ending the editor's task; resolves with why it failed, if it did (never rejects). */
  connectFromEditor(key: string, id: string): Promise<unknown>
  /** Forgets an editor's last failure (a new attempt, or a new editor); a running action stays. */
  dismissEditorTask(key: string): void
  /** Duplicates and opens the copy's editor, reported as a notice (success or why not); never throws. */
  duplicateProfile(id: string): Promise<ProfileView | undefined>
  /** Changes a connection's rate-limit plan (its stored secret stays); a failure is reported as a notice, never thrown. */
  changeRatePlan(id: string, ratePlan: RatePlan): Promise<void>
  /** Deleted is announced as a notice; a failure is kept in `failed[id]` and rethrown. */
  deleteProfile(id: string): Promise<{ revoked: boolean }>
  /** Main's file picker, then the import, reported as a notice; never throws. */
  importProfilesFile(): Promise<void>
  importProfilesJson(json: string): Promise<ImportResult>
  /** Main's save dialog, then the export (every connection, or `ids`), reported as a notice; never throws. */
  exportProfilesFile(ids?: string[]): Promise<void>
  connect(id: string): Promise<ConnectionStatus>
  /** Stops a running sign-in; a failure is reported as a notice, never thrown. */
  cancelConnect(id: string): Promise<void>
  /** Disconnected is announced as a notice; a failure is kept in `failed[id]` and rethrown. */
  disconnect(id: string): Promise<ConnectionStatus>
  /** Runs Test connection; the outcome (also a failed call) is kept in `lastTest`, never thrown. */
  testConnection(id: string): Promise<TestOutcome>
  /** Connect, reported as a notice (success or why not); the last test result is cleared. */
  connectWithNotice(id: string): Promise<void>
  /** Main asks first, then copies; reported as a notice (choosing Cancel in main's dialog is not a failure); never throws. */
  copyToken(id: string): Promise<void>
  /** Forgets the connect window's sign-in, reported as a notice; never throws. */
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
  failed: {},
  editorTasks: {},
  lastTest: {},
  rateUsage: {},
})

const byName = (a: ProfileView, b: ProfileView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** What to do after an import: nothing imported has a token, and no secret comes with a file. */
function importedAdvice(created: readonly ProfileView[]): string {
  if (!created.some(usesClientSecret)) return 'No token yet: press Connect on each one to sign in.'
  return 'No token yet, and exports never contain secrets: enter the Client Secret of each one that uses one (Edit), then press Connect.'
}

/** Main's field issues when it gave some (an import's bad entries), else its message. */
function describeFailure(error: unknown): string {
  return error instanceof BridgeCallError && error.issues.length > 0 ? describeIssues(error.issues) : errorMessage(error)
}

export const createConnectionsSlice: StateCreator<Store, [], [], ConnectionsSlice> = (set, get) => {
  /** Marks a profile busy for the duration of an action, and keeps why it failed (then rethrows). */
  const withBusy = async <T>(id: string, what: ProfileBusy, run: () => Promise<T>): Promise<T> => {
    set((s) => ({ busy: { ...s.busy, [id]: what }, failed: { ...s.failed, [id]: undefined } }))
    try {
      return await run()
    } catch (error) {
      set((s) => ({ failed: { ...s.failed, [id]: { action: what, error: errorMessage(error) } } }))
      throw error
    } finally {
      set((s) => ({ busy: { ...s.busy, [id]: undefined } }))
    }
  }
  const recordEditor = (key: string, task: EditorTask | undefined) => set((s) => ({ editorTasks: { ...s.editorTasks, [key]: task } }))
  const nameOf = (id: string) => get().profiles.find((p) => p.id === id)?.name ?? 'the connection'
  const failNotice = (title: string, error: unknown, describe: (error: unknown) => string = errorMessage) => get().notify({ tone: 'error', title, description: describe(error) })
  const upsertProfile = (profile: ProfileView) =>
    set((s) => ({ profiles: [...s.profiles.filter((p) => p.id !== profile.id), profile].sort(byName) }))

  return {
    ...getEmptyConnectionsState(),
    loadConnections: async () => {
      const [profiles, statuses] = await Promise.all([call('profiles.list', undefined), call('auth.statuses', undefined)])
      set({ profiles: [...profiles].sort(byName), statuses: Object.fromEntries(statuses.map((s) => [s.profileId, s])) })
    },
    setConnectionFilter: (filter) => set({ filter }),
    applyStatus: (status) =>
      set((s) => {
        const statuses = { ...s.statuses, [status.profileId]: status }
        const last = s.lastTest[status.profileId]
        // A success speaks of a token: once the connection holds none (Disconnect, a refresh Zoom
        // refused), "Works" beside "No token" says the opposite of the badge. A failure stays, with
        // the Reconnect it offers.
        if (last && 'ok' in last && last.ok && !TOKEN_HELD.has(status.state)) return { statuses, lastTest: { ...s.lastTest, [status.profileId]: undefined } }
        return { statuses }
      }),
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
    saveFromEditor: async (key, { savedId, draft, replaceSecretNow, connect }) => {
      const action: EditorAction = connect ? 'connect' : 'save'
      recordEditor(key, { action, running: true })
      try {
        const saved = savedId ? await get().updateProfile(savedId, draft, { replaceSecretNow }) : await get().createProfile(draft)
        if (!connect) recordEditor(key, undefined)
        return saved
      } catch (error) {
        recordEditor(key, { action, running: false, error: errorMessage(error), ...(error instanceof BridgeCallError ? { code: error.code } : {}) })
        throw error
      }
    },
    connectFromEditor: async (key, id) => {
      recordEditor(key, { action: 'connect', running: true })
      try {
        await get().connect(id)
        recordEditor(key, undefined)
        return undefined
      } catch (error) {
        recordEditor(key, { action: 'connect', running: false, error: `Saved, but connecting failed: ${errorMessage(error)}` })
        return error
      }
    },
    dismissEditorTask: (key) => set((s) => (s.editorTasks[key]?.running === false ? { editorTasks: { ...s.editorTasks, [key]: undefined } } : {})),
    changeRatePlan: async (id, ratePlan) => {
      const profile = get().profiles.find((p) => p.id === id)
      if (!profile) return
      const { id: _id, createdAt: _c, updatedAt: _u, hasClientSecret: _h, needsRepair: _n, ...fields } = profile
      try {
        // No clientSecret key: the stored secret stays as it is.
        await get().updateProfile(id, { fields: { ...fields, ratePlan } })
      } catch (error) {
        failNotice(`Could not change the plan of “${profile.name}”`, error)
      }
    },
    duplicateProfile: async (id) => {
      try {
        const profile = await call('profiles.duplicate', { id })
        upsertProfile(profile)
        get().navigate({ screen: 'connection', profileId: profile.id, tab: 'edit' })
        get().notify({ tone: 'success', title: `Created “${profile.name}”`, description: 'The copy starts disconnected.' })
        return profile
      } catch (error) {
        failNotice('Could not duplicate', error, describeFailure)
        return undefined
      }
    },
    deleteProfile: (id) => {
      const name = nameOf(id)
      return withBusy(id, 'deleting', async () => {
        const result = await call('profiles.delete', { id })
        set((s) => {
          const { [id]: _status, ...statuses } = s.statuses
          const { [id]: _failed, ...failed } = s.failed
          return { profiles: s.profiles.filter((p) => p.id !== id), statuses, failed }
        })
        if (get().view.screen === 'connection' && get().view.profileId === id) get().navigate({ screen: 'home' })
        get().notify({ tone: 'success', title: `Deleted “${name}”`, description: result.revoked ? 'Its token was revoked at Zoom.' : undefined })
        return result
      })
    },
    importProfilesFile: async () => {
      try {
        const result = await call('profiles.importFile', undefined)
        await get().loadConnections()
        if (result.created.length > 0) get().notify({ tone: 'success', title: `Imported ${plural(result.created.length, 'connection')}`, description: importedAdvice(result.created) })
      } catch (error) {
        failNotice('Nothing was imported', error, describeFailure)
      }
    },
    importProfilesJson: async (json) => {
      const result = await call('profiles.importJson', { json })
      await get().loadConnections()
      return result
    },
    exportProfilesFile: async (ids) => {
      try {
        const result: ProfileExportResult = await call('profiles.exportFile', ids ? { ids } : {})
        if (result.path) get().notify({ tone: 'success', title: `Exported ${plural(result.count, 'connection')}`, description: `${result.path} — without secrets or tokens.` })
      } catch (error) {
        failNotice('Export failed', error, describeFailure)
      }
    },
    connect: (id) =>
      withBusy(id, 'connecting', async () => {
        const status = await call('auth.connect', { profileId: id })
        get().applyStatus(status)
        return status
      }),
    cancelConnect: async (id) => {
      try {
        await call('auth.cancel', { profileId: id })
      } catch (error) {
        failNotice('Could not cancel the sign-in', error)
      }
    },
    disconnect: (id) =>
      withBusy(id, 'disconnecting', async () => {
        const status = await call('auth.disconnect', { profileId: id })
        get().applyStatus(status)
        get().notify({ tone: 'success', title: `Disconnected “${nameOf(id)}”`, description: 'The token was revoked at Zoom and forgotten here.' })
        return status
      }),
    testConnection: (id) =>
      withBusy(id, 'testing', async () => {
        const result: TestOutcome = await call('auth.test', { profileId: id }).catch((error: unknown) => ({ error: errorMessage(error) }))
        set((s) => ({ lastTest: { ...s.lastTest, [id]: result } }))
        return result
      }),
    connectWithNotice: async (id) => {
      try {
        await get().connect(id)
        get().notify({ tone: 'success', title: `Connected “${nameOf(id)}”` })
      } catch (error) {
        get().notify({ tone: 'error', title: `Could not connect “${nameOf(id)}”`, description: errorMessage(error) })
      } finally {
        set((s) => ({ lastTest: { ...s.lastTest, [id]: undefined } }))
      }
    },
    copyToken: async (id) => {
      try {
        const { clearsAfterSeconds } = await call('auth.copyToken', { profileId: id })
        get().notify({ tone: 'success', title: 'Access token copied', description: `The clipboard is cleared in ${clearsAfterSeconds} s.` })
      } catch (error) {
        // Main asks in its own dialog first; choosing Cancel there is not a failure.
        if (!(error instanceof BridgeCallError && error.code === 'CANCELLED')) failNotice('Could not copy the token', error)
      }
    },
    signOutZoom: async (id) => {
      try {
        await call('auth.signOutZoom', { profileId: id })
        get().notify({ tone: 'success', title: 'Signed out of Zoom', description: 'The next connect asks you to sign in again.' })
      } catch (error) {
        failNotice('Could not sign out of Zoom', error)
      }
    },
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
