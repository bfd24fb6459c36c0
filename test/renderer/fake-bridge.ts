// An in-memory Bridge with realistic behaviour: the same profile validation as main, statuses and
// timeline events on connect/disconnect, crawl jobs with progress events, row windows with sort and
// filter, downloads, the console. Component tests and the screenshot harness run the UI on it.
//
// What main computes from data, the fake takes from main's own modules rather than copying it:
// profile validation (common/profile), update rules (UpdateService), and a dataset's columns,
// cells, sort keys, search text and spec normalisation (main/data/datasets). Main keeps a
// dataset's rows in SQLite in a worker thread, which this browser-bundled fake cannot run, so a
// view is computed in memory (fake/memory-view.ts) by the store's contract, which
// test/main/data/view-contract.test.ts checks against the real store. Only the rows themselves are
// made up here (fake/rows.ts), computed per index so 100,000 cost nothing until a sort or filter
// reads them all. Kept datasets follow main's channels (keep, list, open, refresh, forget, clear);
// their expiry is main's alone and not emulated (the fake never deletes one by age).
import type {
  KeptDataset,
  KeptView,
  AppInfo,
  BodySchemaCheck,
  Bridge,
  ChannelInput,
  ChannelName,
  ChannelOutput,
  ConnectionStatus,
  ConsoleResponse,
  DatasetInfo,
  DownloadItem,
  DownloadsSnapshot,
  Envelope,
  EventMap,
  EventName,
  HistoryEntry,
  JobProgress,
  Settings,
  StoreProblem,
  TimelineEvent,
  UserMatch,
  VaultStatus,
} from '../../common/contract/index'
import type { BridgeError, ErrorCode, ErrorDetails } from '../../common/errors'
import { summaryOf } from '../../common/zoom/api/summary'
import { needsQueryToAnswer } from '../../common/zoom/api/list-params'
import type { ApiOperation } from '../../common/zoom/api/types'
import { AppError, isAppError } from '../../common/errors'
import { shownState } from '../../main/tokens/shown-state'
import { UpdateService } from '../../main/updates/update-service'
import { FakeUpdater } from '../fakes/fake-updater'
import type { ProfileView } from '../../common/profile'
import { validateProfileDraft } from '../../common/profile'
import { makeProfile, newId } from '../fakes/profile-view'
import { recordingFileKind } from '../../common/zoom/recording-files'
import { toCell, type ValueLabels } from '../../main/data/datasets/cells'
import { discoverColumns, getPath } from '../../main/data/datasets/paths'
import { memoryView, memoryViewLength, memoryViewRow, type MemoryView } from './fake/memory-view'
import { curatedList, listPathOf } from '../../common/zoom/browse/names'
import type { Row } from './fake/rows'
import { fakeEventsHandlers } from './fake/events'
import { SHAPES } from './fake/rows'
import { schemaShape } from './fake/schema-rows'
import { LIST_ALIASES } from '../../common/zoom/browse/names'
import { parentListOf } from '../../common/zoom/browse/fan-out'
import { pathParamNames } from '../../common/zoom/paths'
import type { NamedItem } from '../../common/zoom/browse/item-naming'

export class FakeError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message)
  }
}

/**
 * A connection's status as a test gives it: its own state. What the app shows (`shown`) is
 * derived from it as main derives it (main/tokens/shown-state.ts), unless given.
 */
export type StatusFixture = Omit<ConnectionStatus, 'shown'> & { shown?: ConnectionStatus['shown'] }

/** What a test may push: statuses as fixtures, everything else as main pushes it. */
type Pushed<E extends EventName> = E extends 'auth.status' ? StatusFixture : EventMap[E]

export interface FakeOptions {
  profiles?: ProfileView[]
  statuses?: StatusFixture[]
  vault?: VaultStatus
  problems?: StoreProblem[]
  settings?: Partial<Settings>
  /** The regional format main reports in app.info (default none, as main without one). */
  locale?: string
  /** Rows a crawl of each resource produces (default 250). */
  rowCount?: number | Partial<Record<string, number>>
  /** Crawls stay running until finishJob() (tests of progress and cancel). */
  manualJobs?: boolean
  /** Delay of every call in ms (screenshots); 0 = resolve on the next microtask. */
  latencyMs?: number
  now?: () => number
  /** The app's update feed, as main's updater port would report it (default: nothing newer). */
  updater?: FakeUpdater
  /**
   * Zoom's API catalog as main would answer it once its files are read (default: unavailable, as
   * before any file could be had), and main's check of a body against the request schema.
   */
  apiCatalog?: { operations: ApiOperation[]; checkBody?: (input: ChannelInput<'console.checkBody'>) => BodySchemaCheck }
  /**
   * The rows data.pathValues offers, by parent list path template, as main names them (label,
   * detail, value), and how many a page holds (main asks Zoom at the list's largest page size).
   */
  parentRows?: { byParent: Record<string, NamedItem[]>; pageSize: number }
}

type Handlers = { [K in ChannelName]: (input: ChannelInput<K>) => ChannelOutput<K> | Promise<ChannelOutput<K>> }

export const SECURE_VAULT: VaultStatus = {
  state: 'unlocked',
  protection: { kind: 'os-keychain', backend: 'gnome_libsecret', secure: true },
  keychain: { available: true, backend: 'gnome_libsecret', secure: true },
}

/** First launch: no protector chosen yet, a real keychain available. */
export const FIRST_RUN_VAULT: VaultStatus = {
  state: 'uninitialised',
  protection: { kind: 'none', secure: false },
  keychain: { available: true, backend: 'gnome_libsecret', secure: true },
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  clipboardClearSeconds: 30,
  rememberZoomSignIn: true,
  refreshSkewSeconds: 300,
  downloadConcurrency: 3,
  downloadStallSeconds: 60,
  downloadFolder: '/home/me/Zoom recordings',
  checkForUpdatesAtStart: true,
  keptDatasetDays: 30,
}

export { makeProfile }

interface Dataset {
  info: DatasetInfo
  row: (i: number) => Row
  /** The catalog's display names of coded values, which main's filter also matches ("Licensed"). */
  valueLabels: ValueLabels
  /** Every row, made on the first sort or filter (main's view reads them as an array). */
  all?: Row[]
}

function valueLabelsOf(resource: string): ValueLabels {
  // As main names a list: by path template, the built-in ids being aliases of theirs.
  const path = listPathOf(resource)
  const listed = path === undefined ? undefined : curatedList(path)
  const labels: Record<string, Readonly<Record<string, string>>> = {}
  for (const column of listed?.defaultColumns ?? []) if (column.valueLabels) labels[column.path] = column.valueLabels
  return labels
}

function rowsOf(ds: Dataset): Row[] {
  if (ds.all?.length !== ds.info.rows) ds.all = Array.from({ length: ds.info.rows }, (_, i) => ds.row(i))
  return ds.all
}

export class FakeBridge {
  readonly calls: { name: ChannelName; input: unknown }[] = []
  profiles: ProfileView[]
  statuses = new Map<string, StatusFixture>()
  vault: VaultStatus
  settings: Settings
  problems: StoreProblem[]
  timeline: TimelineEvent[] = []
  jobs = new Map<string, JobProgress>()
  datasets = new Map<string, Dataset>()
  /** Datasets kept on disk, like main's: they outlive data.closeDataset; with the crawl that made them. */
  kept = new Map<string, Dataset & { crawl: ChannelInput<'data.crawl'>; view?: KeptView }>()
  private readonly crawls = new Map<string, ChannelInput<'data.crawl'>>()
  downloads: DownloadItem[] = []
  history: HistoryEntry[] = []
  /** What main's clipboard holds after app.copyText (the page never touches navigator.clipboard). */
  clipboard = ''
  /** The one passphrase the fake accepts. */
  passphrase = 'correct horse battery'
  /** Users only Zoom knows (not in a loaded list): what GET /users/{email or ID} finds. */
  zoomUsers: Omit<UserMatch, 'source'>[] = []
  /** What main's folder picker answers next, in order; empty = the person cancels. */
  folderAnswers: string[] = []
  /** Files main's open dialog answers for console.pickFile, in order; empty = the person cancels. */
  fileAnswers: { name: string; size: number }[] = []
  /** console.send inputs as main received them. */
  consoleSent: ChannelInput<'console.send'>[] = []
  /** The answer console.send gives next instead of the user below (a binary answer, say). */
  nextConsoleResponse: ConsoleResponse | undefined
  /** console.saveAnswer calls, and whether the fake save dialog is answered (true) or cancelled. */
  savedAnswers: string[] = []
  saveDialogAnswers = true
  private readonly pickedFiles = new Map<string, { name: string; size: number }>()
  private listeners = new Map<EventName, Set<(payload: never) => void>>()
  private failures = new Map<ChannelName, BridgeError>()
  private readonly now: () => number
  private readonly eventHandlers = fakeEventsHandlers(() => this.now(), (status) => this.emit('events.status', status))
  readonly updater: FakeUpdater
  /** Main's own update service on the fake updater port, so the UI meets main's rules. */
  readonly updates: UpdateService

  constructor(private readonly options: FakeOptions = {}) {
    this.now = options.now ?? Date.now
    this.updater = options.updater ?? new FakeUpdater()
    const quiet = () => {}
    this.updates = new UpdateService({ updater: this.updater, currentVersion: '0.1.0', events: { emit: (event, payload) => this.emit(event, payload) }, clock: { now: () => this.now() }, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } })
    this.profiles = options.profiles ?? []
    for (const s of options.statuses ?? []) this.statuses.set(s.profileId, s)
    this.vault = options.vault ?? SECURE_VAULT
    this.settings = { ...DEFAULT_SETTINGS, ...options.settings }
    this.problems = options.problems ?? []
  }

  /** The next call of `name` fails with this error (once). */
  failNext(name: ChannelName, code: ErrorCode, message: string, details?: ErrorDetails): void {
    this.failures.set(name, { code, message, ...(details ? { details } : {}) })
  }

  emit<E extends EventName>(event: E, pushed: Pushed<E>): void {
    let payload = pushed as EventMap[E]
    if (event === 'auth.status') payload = this.shown(pushed as StatusFixture) as EventMap[E]
    if (event === 'vault.status') {
      // Like main: a change of the vault re-derives every status, pushed before the vault's own.
      this.vault = pushed as VaultStatus
      for (const profile of this.profiles) this.emit('auth.status', this.status(profile.id))
    }
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventMap[E]) => void)(payload)
  }

  callsOf<K extends ChannelName>(name: K): ChannelInput<K>[] {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as ChannelInput<K>)
  }

  /** Completes a running crawl (manualJobs) with every row. */
  finishJob(jobId: string, state: 'done' | 'failed' = 'done'): void {
    const job = this.jobs.get(jobId)
    if (!job) throw new Error(`no job ${jobId}`)
    const ds = this.datasets.get(job.datasetId)
    const rows = ds?.info.rows ?? 0
    if (ds) ds.info = { ...ds.info, complete: state === 'done', ...(state === 'done' ? {} : { missing: ['the load failed'] }) }
    this.updateJob({ ...job, state, rows, pages: Math.ceil(rows / 300), unitsDone: job.unitsTotal, finishedAt: this.now() })
  }

  progressJob(jobId: string, rows: number): void {
    const job = this.jobs.get(jobId)
    if (!job) throw new Error(`no job ${jobId}`)
    this.updateJob({ ...job, rows, pages: Math.ceil(rows / 300) })
  }

  asBridge(): Bridge {
    const handlers = this.handlers()
    const bridge: Record<string, unknown> = {
      on: (event: EventName, listener: (payload: never) => void) => {
        const set = this.listeners.get(event) ?? new Set()
        set.add(listener)
        this.listeners.set(event, set)
        return () => set.delete(listener)
      },
    }
    for (const name of Object.keys(handlers) as ChannelName[]) {
      bridge[name] = async (input: unknown): Promise<Envelope<unknown>> => {
        this.calls.push({ name, input })
        if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs))
        const failure = this.failures.get(name)
        if (failure) {
          this.failures.delete(name)
          return { ok: false, error: failure }
        }
        try {
          const handler = handlers[name] as (input: unknown) => unknown
          return { ok: true, value: structuredClone(await handler(input)) }
        } catch (error) {
          if (error instanceof FakeError) return { ok: false, error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } }
          if (isAppError(error)) return { ok: false, error: error.toBridge() }
          return { ok: false, error: { code: 'INTERNAL', message: String(error) } }
        }
      }
    }
    return bridge as unknown as Bridge
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** The users a crawl of /users gives, as data.pathValues offers them (display name, e-mail, id). */
  private accountUsers(): NamedItem[] {
    const counts = this.options.rowCount
    const count = typeof counts === 'number' ? counts : (counts?.users ?? 250)
    return Array.from({ length: count }, (_, i) => {
      const row = SHAPES.users!.row(i) as { id: string; email: string; display_name?: string }
      return { value: row.id, email: row.email, ...(row.display_name ? { name: row.display_name } : {}) }
    })
  }

  private profile(id: string): ProfileView {
    const p = this.profiles.find((x) => x.id === id)
    if (!p) throw new FakeError('NOT_FOUND', 'That connection no longer exists.')
    return p
  }

  private status(id: string): ConnectionStatus {
    if (this.vault.state === 'locked') return this.shown({ profileId: id, state: 'locked', grantedScopes: [], hasRefreshToken: false })
    return this.shown(this.statuses.get(id) ?? { profileId: id, state: 'disconnected', grantedScopes: [], hasRefreshToken: false })
  }

  private setStatus(fixture: StatusFixture): ConnectionStatus {
    const { shown: _shown, ...status } = fixture
    this.statuses.set(status.profileId, status)
    this.emit('auth.status', status)
    return this.shown(status)
  }

  private shown(status: StatusFixture): ConnectionStatus {
    const needsRepair = this.profiles.find((p) => p.id === status.profileId)?.needsRepair ?? []
    return { ...status, shown: status.shown ?? shownState(status.state, { vaultLocked: this.vault.state === 'locked', needsRepair }) }
  }

  private record(profileId: string, kind: TimelineEvent['kind'], outcome: TimelineEvent['outcome'], detail: string): void {
    const event = { profileId, at: this.now(), kind, outcome, detail }
    this.timeline.push(event)
    this.emit('auth.timeline', event)
  }

  private requireUnlocked(): void {
    if (this.vault.state === 'locked') throw new FakeError('VAULT_LOCKED', 'Secret storage is locked. Unlock it with your passphrase.')
  }

  private updateJob(job: JobProgress): void {
    this.jobs.set(job.jobId, job)
    this.emit('data.job', job)
  }

  private snapshot(): DownloadsSnapshot {
    return {
      items: this.downloads,
      // Like main: cancelled files are left out of the totals.
      totalBytes: this.downloads.reduce((n, d) => (d.state === 'cancelled' ? n : n + Math.max(d.fileSize, d.received)), 0),
      receivedBytes: this.downloads.reduce((n, d) => (d.state === 'cancelled' ? n : n + d.received), 0),
      active: this.downloads.filter((d) => d.state === 'downloading' || d.state === 'queued').length,
    }
  }

  private changeDownloads(): DownloadsSnapshot {
    const snap = this.snapshot()
    this.emit('downloads.changed', snap)
    return snap
  }

  private save(id: string | undefined, draft: unknown, replaceSecretNow = false): ProfileView {
    const existing = id ? this.profile(id) : undefined
    const result = validateProfileDraft(draft, existing?.hasClientSecret ?? false, existing)
    if (!result.ok) throw new FakeError('VALIDATION', 'Some fields need attention.', { issues: result.issues })
    if (typeof result.clientSecret === 'string') {
      if (this.vault.state === 'uninitialised') throw new FakeError('VAULT_NOT_INITIALISED', 'The vault is not set up yet: choose how to protect your secrets')
      this.requireUnlocked()
    }
    const now = new Date(this.now()).toISOString()
    const hasClientSecret = result.clientSecret === undefined ? (existing?.hasClientSecret ?? false) : result.clientSecret !== null
    // Like main: a new secret for a working connection waits until a connect with it succeeds.
    const working = existing !== undefined && ['connected', 'expiring', 'refreshing'].includes(this.status(existing.id).state)
    const pending = typeof result.clientSecret === 'string' && existing?.hasClientSecret === true && working && !replaceSecretNow
    const profile: ProfileView = {
      ...result.fields,
      id: existing?.id ?? newId('p'),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      hasClientSecret,
      needsRepair: [],
      ...(pending || (existing?.pendingClientSecret && result.clientSecret === undefined) ? { pendingClientSecret: true } : {}),
    }
    this.profiles = [...this.profiles.filter((p) => p.id !== profile.id), profile]
    this.emit('profiles.changed', { ids: [profile.id] })
    return profile
  }

  private lastView: { key: string; index: MemoryView } | undefined
  /** The last data.export input, as main parsed it (values and excel defaulted). */
  lastExport: ChannelInput<'data.export'> | undefined

  /** Marks a dataset incomplete, as main does when a crawl stopped short (`missing` in words). */
  markIncomplete(datasetId: string, missing: string[]): void {
    const ds = this.datasets.get(datasetId)
    if (!ds) throw new Error(`no dataset ${datasetId}`)
    ds.info = { ...ds.info, complete: false, missing }
  }

  private continueJob(jobId: string, how: 'resume' | 'retry'): JobProgress {
    const job = this.jobs.get(jobId)
    if (!job) throw new FakeError('NOT_FOUND', 'No such job')
    if (how === 'resume' ? !job.resumable : !job.failedUnits) throw new FakeError('CONFLICT', how === 'resume' ? 'Nothing is left to load.' : 'No user failed.')
    const running: JobProgress = { ...job, state: 'running', resumable: false, pendingUnits: 0, failedUnits: 0, errors: [] }
    const { finishedAt: _f, ...withoutEnd } = running
    this.updateJob(withoutEnd)
    const ds = this.datasets.get(job.datasetId)
    if (ds) ds.info = { ...ds.info, complete: true, missing: [] }
    if (!this.options.manualJobs) queueMicrotask(() => this.finishJob(jobId))
    return withoutEnd
  }

  private windowOf(input: ChannelInput<'data.rows'>) {
    const ds = this.datasets.get(input.datasetId)
    if (!ds) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
    const columns = input.columns ?? ds.info.defaultColumns
    // Like main's cached views: one sort/filter per query, not one per window.
    const key = JSON.stringify([input.datasetId, ds.info.rows, columns, input.sort, input.filter])
    if (this.lastView?.key === key) return { ds, columns, index: this.lastView.index }
    const index = this.viewOf(ds, input, columns)
    this.lastView = { key, index }
    return { ds, columns, index }
  }

  /** The rows in view order by the store's contract (fake/memory-view.ts); `undefined` = every row in order. */
  private viewOf(ds: Dataset, input: Pick<ChannelInput<'data.rows'>, 'filter' | 'sort'>, shownColumns: readonly string[] = ds.info.defaultColumns): MemoryView {
    if (!input.sort && !input.filter) return undefined
    return memoryView(rowsOf(ds), { ...(input.sort ? { sort: input.sort } : {}), ...(input.filter ? { filter: input.filter } : {}), shownColumns }, ds.valueLabels)
  }

  private viewIndexes(ds: Dataset, index: MemoryView, from = 0, to = Number.POSITIVE_INFINITY): number[] {
    const end = Math.min(to, memoryViewLength(ds.info.rows, index))
    const indexes: number[] = []
    for (let position = from; position < end; position++) indexes.push(memoryViewRow(index, position))
    return indexes
  }

  private keptView(datasetId: string): KeptDataset {
    const { info, view } = this.kept.get(datasetId)!
    return { datasetId, profileId: info.profileId, resource: info.resource, rows: info.rows, createdAt: info.createdAt, keptAt: info.keptAt ?? info.createdAt, complete: info.complete, refreshable: true, ...(view ? { view } : {}) }
  }

  // ---- channels -----------------------------------------------------------------------------

  private handlers(): Handlers {
    return {
      'app.info': (): AppInfo => ({ name: 'Zoom Connect', version: '0.1.0', platform: 'linux', arch: 'x64', versions: { electron: '41.7.1', chrome: '140.0', node: '22.20.0' }, ...(this.options.locale ? { locale: this.options.locale } : {}), vault: this.vault }),
      'app.problems': () => this.problems,
      'app.dismissProblem': ({ movedTo }) => (this.problems = this.problems.filter((p) => p.movedTo !== movedTo)),
      'app.openExternal': () => undefined,
      'app.copyText': ({ text }) => void (this.clipboard = text),
      // The fake keeps no running calls, so there is nothing to cancel.
      'app.cancelCall': () => ({ cancelled: false }),

      'vault.status': () => this.vault,
      'vault.setup': (input) => this.setVault(input.protector === 'passphrase' ? { kind: 'passphrase', secure: true } : { kind: 'os-keychain', backend: this.vault.keychain.backend, secure: this.vault.keychain.secure }),
      'vault.unlock': ({ passphrase }) => {
        // Like main: a keychain store asks the keychain, a passphrase store needs its passphrase.
        if (this.vault.protection.kind !== 'os-keychain' && passphrase !== this.passphrase) throw new FakeError('VAULT_BAD_PASSPHRASE', 'That passphrase is not right.')
        this.vault = { ...this.vault, state: 'unlocked' }
        this.emit('vault.status', this.vault)
        return this.vault
      },
      // Like main: after its own dialog (answered yes here), a vault that starts over has no secrets.
      'vault.startOver': (input) => {
        if (input.protector === 'passphrase') this.passphrase = input.passphrase
        return this.setVault(input.protector === 'passphrase' ? { kind: 'passphrase', secure: true } : { kind: 'os-keychain', backend: this.vault.keychain.backend, secure: this.vault.keychain.secure })
      },
      'vault.lock': () => {
        if (this.vault.protection.kind !== 'passphrase') throw new FakeError('CONFLICT', 'Only a passphrase-protected store can be locked.')
        this.vault = { ...this.vault, state: 'locked' }
        this.emit('vault.status', this.vault)
        return this.vault
      },
      'vault.changeProtection': (input) => {
        if (this.vault.state === 'locked') throw new FakeError('VAULT_LOCKED', 'Secret storage is locked. Unlock it with your passphrase.')
        // Like main: any change away from a passphrase needs the current one (main then also asks in its own dialog).
        if (this.vault.protection.kind === 'passphrase' && input.currentPassphrase !== this.passphrase) {
          throw new FakeError('VAULT_BAD_PASSPHRASE', 'The current passphrase is not correct.')
        }
        if (input.protector === 'passphrase') this.passphrase = input.passphrase
        return this.setVault(input.protector === 'passphrase' ? { kind: 'passphrase', secure: true } : { kind: 'os-keychain', backend: this.vault.keychain.backend, secure: this.vault.keychain.secure })
      },

      'updates.state': () => this.updates.snapshot(),
      'updates.check': () => this.updates.check(),
      'updates.download': () => this.updates.download(),
      'updates.install': () => this.updates.install(),

      'settings.get': () => this.settings,
      'settings.update': (patch) => (this.settings = { ...this.settings, ...patch }),
      'settings.chooseDownloadFolder': () => {
        const folder = this.folderAnswers.shift()
        if (folder === undefined) return this.settings
        // Like main (safe-folder.ts), for the shapes a test uses.
        if (/^[\\/]{2}/.test(folder)) throw new FakeError('VALIDATION', `Recordings cannot be saved to “${folder}”: a network share or device path is not allowed.`)
        return (this.settings = { ...this.settings, downloadFolder: folder })
      },

      'profiles.list': () => this.profiles,
      'profiles.get': ({ id }) => this.profile(id),
      'profiles.create': (draft) => this.save(undefined, draft),
      'profiles.update': ({ id, draft, replaceSecretNow }) => this.save(id, draft, replaceSecretNow === true),
      'profiles.duplicate': ({ id, name }) => {
        const source = this.profile(id)
        const copy: ProfileView = { ...source, id: newId('p'), name: name ?? `${source.name} (copy)`, hasClientSecret: source.hasClientSecret }
        this.profiles = [...this.profiles, copy]
        return copy
      },
      'profiles.delete': ({ id }) => {
        this.profile(id)
        const revoked = ['connected', 'expiring', 'refreshing'].includes(this.status(id).state)
        this.profiles = this.profiles.filter((p) => p.id !== id)
        this.statuses.delete(id)
        return { revoked }
      },
      'profiles.exportJson': ({ ids }) => {
        const chosen = this.profiles.filter((p) => !ids || ids.includes(p.id))
        return { json: JSON.stringify(chosen.map(({ hasClientSecret: _h, needsRepair: _n, ...p }) => p)), count: chosen.length }
      },
      'profiles.exportFile': ({ ids }) => ({ path: '/home/me/zoom-connections.json', count: ids?.length ?? this.profiles.length }),
      'profiles.importJson': () => ({ created: [] }),
      'profiles.importFile': () => {
        // As main: an import never carries a secret.
        const created = [makeProfile({ name: 'Imported connection', hasClientSecret: false })]
        this.profiles = [...this.profiles, ...created]
        return { created, path: '/home/me/zoom-connections.json' }
      },

      'auth.statuses': () => this.profiles.map((p) => this.status(p.id)),
      'auth.status': ({ profileId }) => this.status(profileId),
      'auth.connect': async ({ profileId }) => {
        this.requireUnlocked()
        const p = this.profile(profileId)
        if (!p.hasClientSecret && p.clientType === 'confidential') throw new FakeError('AUTH_SECRET_MISSING', 'Add the Client Secret before connecting.')
        this.setStatus({ ...this.status(profileId), state: 'connecting' })
        const now = this.now()
        this.record(profileId, p.grant === 's2s' ? 'token' : 'authorize', 'ok', p.grant === 's2s' ? 'Token minted (account_credentials)' : 'Signed in and authorised')
        if (p.pendingClientSecret) {
          // The held secret connected: it replaces the old one.
          const { pendingClientSecret: _held, ...rest } = p
          this.profiles = this.profiles.map((x) => (x.id === profileId ? rest : x))
          this.emit('profiles.changed', { ids: [profileId] })
        }
        return this.setStatus({
          profileId,
          state: 'connected',
          expiresAt: now + 3600_000,
          connectedAt: now,
          lastRefreshAt: now,
          grantedScopes: p.scopes.slice(0, Math.max(1, p.scopes.length - 1)),
          apiUrl: 'https://api.zoom.us',
          hasRefreshToken: p.grant !== 's2s',
        })
      },
      'auth.cancel': ({ profileId }) => {
        this.setStatus({ ...this.status(profileId), state: 'disconnected' })
      },
      'auth.disconnect': ({ profileId }) => {
        this.record(profileId, 'revoke', 'ok', 'Token revoked at Zoom')
        return this.setStatus({ profileId, state: 'disconnected', grantedScopes: [], hasRefreshToken: false })
      },
      'auth.test': ({ profileId }) => {
        const status = this.status(profileId)
        const ok = status.state === 'connected' || status.state === 'expiring'
        this.record(profileId, 'validate', ok ? 'ok' : 'failed', ok ? 'GET /v2/users/me → 200' : 'Not connected')
        const result = {
          ok,
          at: new Date(this.now()).toISOString(),
          url: 'https://api.zoom.us/v2/users/me',
          latencyMs: 142,
          ...(ok
            ? { httpStatus: 200, identity: { id: 'u1', email: 'admin@example.com', displayName: 'Ada Okafor', accountId: 'AbCdEf123' } }
            : { error: { code: 'AUTH_NOT_CONNECTED' as const, message: 'Connect first: there is no token to test.' } }),
        }
        this.statuses.set(profileId, { ...status, lastValidation: result })
        return result
      },
      'auth.copyToken': ({ profileId }) => {
        if (this.status(profileId).state !== 'connected') throw new FakeError('AUTH_NOT_CONNECTED', 'Connect first: there is no token to copy.')
        return { clearsAfterSeconds: this.settings.clipboardClearSeconds }
      },
      'auth.signOutZoom': () => undefined,
      'auth.timeline': ({ profileId }) => this.timeline.filter((e) => e.profileId === profileId),

      'data.crawl': (input) => {
        this.requireUnlocked()
        // Lists are named by path template; the fake's row shapes are kept by the built-in tab ids.
        const alias = [...LIST_ALIASES].find(([, path]) => path === input.resource)?.[0] ?? input.resource
        // A list of Zoom's files the fake has no made-up shape for: rows from its item schema.
        const described = this.options.apiCatalog?.operations.find((op) => op.method === 'GET' && op.path === input.resource && op.listKey !== undefined)
        const shape = SHAPES[alias] ?? (described ? schemaShape(described) : undefined)
        if (!shape) throw new FakeError('NOT_FOUND', 'Unknown resource')
        const counts = this.options.rowCount
        const rows = typeof counts === 'number' ? counts : (counts?.[alias] ?? 250)
        const datasetId = newId('d')
        const jobId = newId('j')
        this.crawls.set(datasetId, input)
        this.datasets.set(datasetId, {
          row: shape.row,
          valueLabels: valueLabelsOf(input.resource),
          info: {
            datasetId,
            profileId: input.profileId,
            resource: input.resource,
            rows,
            availableColumns: rows > 0 ? discoverColumns([shape.row(0)]) : shape.defaultColumns,
            defaultColumns: shape.defaultColumns,
            createdAt: this.now(),
            complete: !this.options.manualJobs,
          },
        })
        const job: JobProgress = { jobId, datasetId, profileId: input.profileId, resource: input.resource, state: 'running', pages: 0, rows: 0, totalRecords: rows, rateLimitWaits: 0, errors: [], startedAt: this.now() }
        this.jobs.set(jobId, job)
        if (!this.options.manualJobs) {
          const done = { ...job, state: 'done' as const, rows, pages: Math.ceil(rows / 300), finishedAt: this.now() }
          this.jobs.set(jobId, done)
          queueMicrotask(() => this.emit('data.job', done))
          return done
        }
        return job
      },
      'data.keep': ({ datasetId, view }) => {
        const ds = this.datasets.get(datasetId)
        const crawl = this.crawls.get(datasetId)
        if (!ds || !crawl) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
        ds.info = { ...ds.info, keptAt: this.now() }
        this.kept.set(datasetId, { ...ds, crawl, ...(view ? { view } : {}) })
        return this.keptView(datasetId)
      },
      'data.kept': ({ profileId }) => [...this.kept.keys()].map((id) => this.keptView(id)).filter((k) => !profileId || k.profileId === profileId),
      'data.openKept': ({ datasetId }) => {
        const kept = this.kept.get(datasetId)
        if (!kept) throw new FakeError('NOT_FOUND', 'This kept dataset is no longer on disk.')
        this.datasets.set(datasetId, { info: kept.info, row: kept.row, valueLabels: kept.valueLabels })
        return kept.info
      },
      'data.refreshKept': ({ datasetId }) => {
        const kept = this.kept.get(datasetId)
        if (!kept) throw new FakeError('NOT_FOUND', 'This kept dataset is no longer on disk.')
        const job = this.handlers()['data.crawl'](kept.crawl) as JobProgress
        this.kept.delete(datasetId)
        this.datasets.delete(datasetId)
        const ds = this.datasets.get(job.datasetId)!
        ds.info = { ...ds.info, keptAt: this.now() }
        this.kept.set(job.datasetId, { ...ds, crawl: kept.crawl, ...(kept.view ? { view: kept.view } : {}) })
        return job
      },
      'data.forgetKept': ({ datasetId }) => {
        this.kept.delete(datasetId)
        this.datasets.delete(datasetId)
      },
      'data.clearKept': () => {
        const removed = this.kept.size
        for (const id of this.kept.keys()) this.datasets.delete(id)
        this.kept.clear()
        return { removed }
      },
      'data.cancel': ({ jobId }) => {
        const job = this.jobs.get(jobId)
        if (!job) throw new FakeError('NOT_FOUND', 'No such job')
        const cancelled = { ...job, state: 'cancelled' as const, finishedAt: this.now() }
        this.updateJob(cancelled)
        return cancelled
      },
      // Like main: both continue the same job into the same dataset; here they finish it at once.
      'data.resume': ({ jobId }) => this.continueJob(jobId, 'resume'),
      'data.retryFailed': ({ jobId }) => this.continueJob(jobId, 'retry'),
      'data.select': ({ datasetId, sort, filter }) => {
        const ds = this.datasets.get(datasetId)
        if (!ds) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
        const indexes = this.viewIndexes(ds, this.viewOf(ds, { ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) }))
        return { indexes, total: indexes.length }
      },
      'data.selectedShown': ({ datasetId, filter, rowIndexes }) => {
        const ds = this.datasets.get(datasetId)
        if (!ds) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
        const shown = new Set(this.viewIndexes(ds, this.viewOf(ds, filter ? { filter } : {})))
        return { shown: new Set(rowIndexes.filter((index) => shown.has(index))).size }
      },
      'data.jobs': ({ profileId }) => [...this.jobs.values()].filter((j) => !profileId || j.profileId === profileId),
      'data.dataset': ({ datasetId }) => {
        const ds = this.datasets.get(datasetId)
        if (!ds) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
        return ds.info
      },
      'data.rows': (input) => {
        const { ds, columns, index } = this.windowOf(input)
        const slice = this.viewIndexes(ds, index, input.offset, input.offset + input.limit)
        return { datasetId: input.datasetId, offset: input.offset, columns, total: ds.info.rows, filteredTotal: memoryViewLength(ds.info.rows, index), rows: slice.map((row) => ({ index: row, cells: columns.map((c) => toCell(getPath(ds.row(row), c))) })) }
      },
      'data.row': ({ datasetId, index }) => {
        const ds = this.datasets.get(datasetId)
        if (!ds || index >= ds.info.rows) throw new FakeError('NOT_FOUND', 'No such row')
        return ds.row(index)
      },
      'data.closeDataset': ({ datasetId }) => void this.datasets.delete(datasetId),
      'data.detail': ({ id }) => ({ id }),
      // Like main's data.findUsers: loaded users lists of the connection first (e-mail, name or ID
      // containing the query), then one lookup of a whole e-mail or ID at Zoom (here: `zoomUsers`).
      'data.findUsers': ({ profileId, query, limit = 20 }) => {
        const needle = query.trim().toLowerCase()
        const found: UserMatch[] = []
        for (const ds of this.datasets.values()) {
          if (ds.info.profileId !== profileId || ds.info.resource !== '/users') continue
          for (let i = 0; i < ds.info.rows && found.length < limit; i++) {
            const row = ds.row(i) as { id: string; email: string; display_name?: string }
            if ([row.id, row.email, row.display_name ?? ''].some((v) => v.toLowerCase().includes(needle)) && !found.some((f) => f.id === row.id))
              found.push({ id: row.id, email: row.email, ...(row.display_name ? { name: row.display_name } : {}), source: 'dataset' })
          }
        }
        if (found.length > 0) return found
        const remote = this.zoomUsers.find((u) => u.email.toLowerCase() === needle || u.id.toLowerCase() === needle)
        return remote ? [{ ...remote, source: 'zoom' as const }] : []
      },
      // Like main's data.pathValues: the parent is the fan-out rule's (parentListOf over the lists
      // the catalog knows), one page per call, the cursor standing for the next page.
      'data.pathValues': ({ resource, param, cursor }) => {
        const lists = new Set((this.options.apiCatalog?.operations ?? []).filter((op) => op.method === 'GET' && op.listKey !== undefined && !needsQueryToAnswer(op)).map((op) => op.path))
        // The built-in lists answer before Zoom's files are read, as in main.
        const isList = (path: string) => lists.has(path) || curatedList(path) !== undefined
        if (!isList(resource)) throw new FakeError('NOT_FOUND', `${resource} is not a list of Zoom's API.`)
        if (!pathParamNames(resource).includes(param)) throw new FakeError('VALIDATION', `${resource} has no path parameter ${param}.`)
        const parent = parentListOf(resource, param, isList)
        if (parent === '') throw new FakeError('VALIDATION', `${resource} needs a value for ${param}: no list of Zoom's gives it (type the ${param}).`)
        // The account's users are the rows a crawl of /users makes here, named as main names them.
        const rows = this.options.parentRows?.byParent[parent] ?? (parent === '/users' ? this.accountUsers() : undefined)
        if (!rows) throw new Error(`not emulated: the test gave no rows of ${parent}`)
        const size = this.options.parentRows?.pageSize ?? 300
        const from = cursor === undefined ? 0 : Number(cursor.replace(/^t:/, ''))
        if (!Number.isInteger(from) || (cursor !== undefined && from <= 0)) throw new FakeError('VALIDATION', 'That page cursor is not one this picker gave.')
        const next = from + size < rows.length ? `t:${from + size}` : undefined
        return { parent, items: rows.slice(from, from + size), ...(next ? { cursor: next } : {}), total: rows.length }
      },
      'data.export': (input) => {
        const { index } = this.windowOf({ datasetId: input.datasetId, offset: 0, limit: 0, ...(input.sort ? { sort: input.sort } : {}), ...(input.filter ? { filter: input.filter } : {}), ...(input.columns ? { columns: input.columns } : {}) })
        const ds = this.datasets.get(input.datasetId)
        this.lastExport = input
        // A selection is written whole, whatever the filter hides (as main does).
        const rows = input.rowIndexes ? new Set(input.rowIndexes).size : memoryViewLength(ds?.info.rows ?? 0, index)
        return { path: `/home/me/export.${input.format}`, rows, bytes: rows * 120, ...(ds && !ds.info.complete ? { incomplete: ds.info.missing ?? ['the load did not finish'] } : {}) }
      },
      'data.rateUsage': () => [
        { category: 'light', plan: 'pro', limitPerSecond: 30, used: 4, total: 812, throttledMs: 0, rejected: 0 },
        { category: 'medium', plan: 'pro', limitPerSecond: 20, used: 11, total: 2410, throttledMs: 1200, rejected: 0 },
        { category: 'heavy', plan: 'pro', limitPerSecond: 10, used: 0, total: 36, throttledMs: 0, rejected: 1 },
        { category: 'resource-intensive', plan: 'pro', limitPerSecond: 10, used: 0, total: 0, throttledMs: 0, rejected: 0 },
      ],

      'downloads.enqueue': ({ datasetId, rowIndexes, fileKinds }) => {
        const ds = this.datasets.get(datasetId)
        if (!ds) throw new FakeError('NOT_FOUND', 'That dataset was closed.')
        let queued = 0
        let alreadyQueued = 0
        for (const index of rowIndexes) {
          const row = ds.row(index)
          for (const file of (row.recording_files as { id: string; file_type: string; file_size: number; recording_type: string }[] | undefined) ?? []) {
            // Like main: only the chosen kinds of files.
            if (fileKinds && !fileKinds.includes(recordingFileKind(file.file_type))) continue
            const relativePath = `${String(row.start_time).slice(0, 10)}/${String(row.topic)}/${file.recording_type}.${file.file_type.toLowerCase()}`
            // Like main: a file already waiting or downloading is not added twice.
            if (this.downloads.some((d) => d.relativePath === relativePath && (d.state === 'queued' || d.state === 'downloading'))) {
              alreadyQueued++
              continue
            }
            queued++
            this.downloads.push({
              id: newId('dl'),
              profileId: ds.info.profileId,
              relativePath,
              folder: this.settings.downloadFolder,
              fileSize: file.file_size,
              received: 0,
              state: 'queued',
              meetingTopic: String(row.topic),
              recordingType: file.recording_type,
            })
          }
        }
        return { ...this.changeDownloads(), queued, alreadyQueued }
      },
      'downloads.list': () => this.snapshot(),
      'downloads.cancel': ({ id }) => {
        this.downloads = this.downloads.map((d) => (d.id === id && !['done', 'failed', 'skipped'].includes(d.state) ? { ...d, state: 'cancelled', received: 0 } : d))
        return this.changeDownloads()
      },
      'downloads.cancelAll': () => {
        this.downloads = this.downloads.map((d) => (d.state === 'queued' || d.state === 'downloading' ? { ...d, state: 'cancelled', received: 0 } : d))
        return this.changeDownloads()
      },
      'downloads.retry': ({ id }) => {
        this.downloads = this.downloads.map((d) => (d.id === id ? { ...d, state: 'queued', received: 0 } : d))
        return this.changeDownloads()
      },
      'downloads.retryAll': () => {
        this.downloads = this.downloads.map((d) => (d.state === 'failed' || d.state === 'cancelled' ? { ...d, state: 'queued' } : d))
        return this.changeDownloads()
      },
      'downloads.clearFinished': () => {
        this.downloads = this.downloads.filter((d) => d.state === 'queued' || d.state === 'downloading' || d.state === 'paused')
        return this.changeDownloads()
      },
      'downloads.openFolder': () => undefined,

      'console.send': (req) => {
        this.requireUnlocked()
        this.consoleSent.push(req)
        // As main writes history: a file part by its name and size, never its token.
        const { form: sentForm, ...rest } = req
        const form = sentForm?.map((p) => ('value' in p ? p : { name: p.name, fileName: this.pickedFiles.get(p.fileToken)?.name ?? '(unknown file)', fileSize: this.pickedFiles.get(p.fileToken)?.size ?? 0 }))
        const request: HistoryEntry['request'] = { ...rest, method: req.method, ...(form ? { form } : {}) }
        if (this.nextConsoleResponse) {
          const response = this.nextConsoleResponse
          this.nextConsoleResponse = undefined
          this.history = [{ id: newId('h'), at: this.now(), request, status: response.status, durationMs: response.durationMs }, ...this.history]
          return response
        }
        const body = JSON.stringify({ id: 'u1', email: 'admin@example.com', first_name: 'Ada', last_name: 'Okafor', type: 2, status: 'active' }, null, 0)
        const entry: HistoryEntry = { id: newId('h'), at: this.now(), request, status: 200, durationMs: 87 }
        this.history = [entry, ...this.history]
        return { status: 200, statusText: 'OK', headers: [['content-type', 'application/json;charset=UTF-8'], ['x-zm-trackingid', 'v=2.0;clid=us06;rid=WEB_abc']], durationMs: 87, trackingId: 'v=2.0;clid=us06;rid=WEB_abc', body, bodyBytes: body.length, truncated: false, contentType: 'application/json' }
      },
      'console.history': ({ profileId }) => this.history.filter((h) => !profileId || h.request.profileId === profileId),
      'console.clearHistory': ({ profileId }) => {
        this.history = this.history.filter((h) => profileId && h.request.profileId !== profileId)
      },
      'console.pickFile': () => {
        const file = this.fileAnswers.shift()
        if (!file) return undefined
        const fileToken = newId('f')
        this.pickedFiles.set(fileToken, file)
        return { fileToken, ...file }
      },
      'console.saveAnswer': ({ answerToken }) => {
        this.savedAnswers.push(answerToken)
        return { saved: this.saveDialogAnswers }
      },
      // As main answers for a request Zoom's files do not describe (the catalog below knows none).
      'console.checkBody': (input) =>
        this.options.apiCatalog?.checkBody?.(input) ?? { checked: false, issues: [], note: 'Zoom’s API files do not describe this request: the body is not checked.' },
      // As main answers before any of Zoom's files could be had: only the built-in resources.
      'catalog.index': () => {
        const operations = this.options.apiCatalog?.operations ?? []
        if (operations.length === 0) return { state: 'unavailable', products: [], operations: [], missingProducts: [] }
        const products = [...new Set(operations.map((op) => op.product))].map((name) => ({ name, domain: name.toLowerCase(), title: name }))
        return { state: 'ready', products, operations: operations.map(summaryOf), missingProducts: [] }
      },
      'catalog.operation': ({ method, path }) => {
        const found = this.options.apiCatalog?.operations.find((op) => op.method === method && op.path === path)
        if (!found) throw new AppError('NOT_FOUND', `Zoom's API files do not describe ${method} ${path}.`)
        return found
      },
      ...this.eventHandlers,
    }
  }

  private setVault(protection: VaultStatus['protection']): VaultStatus {
    this.vault = { ...this.vault, state: 'unlocked', protection }
    this.emit('vault.status', this.vault)
    return this.vault
  }
}
