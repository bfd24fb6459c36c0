// Browse: crawl jobs ('data.job' events), the dataset shown per connection and resource, and the
// grid's sort, filter and columns. Rows themselves stay in main; the grid asks for windows.
import type { StateCreator } from 'zustand'
import type { CrawlInput, DatasetInfo, ExportProgress, ExportResult, JobProgress, KeptDataset, KeptView, RowsInput, RowsWindow, UserMatch } from '../../../common/contract/index'
import type { CsvSeparator } from '../../../common/csv-separator'
import type { ApiOperation } from '../../../common/zoom/api/types'
import { changeTouchesList } from '../../../common/zoom/browse/changed-lists'
import { BridgeCallError, call, errorMessage } from '../../ipc'
import { issuesByField } from '../../shared/field-issues'
import { formatCount } from '../../shared/format'
import { trackTask, type Task } from '../task'
import type { Store } from '../types'

export interface GridView {
  sort?: { column: string; direction: 'asc' | 'desc' }
  filterText: string
  /** Chosen columns; undefined = the resource's defaults. */
  columns?: string[]
  /** Exact match per column (the events grid's type filter). */
  equals?: Record<string, string>
  /** Per column: only rows whose value is empty (true) or is not (false). */
  empty?: Record<string, boolean>
}

export interface ResourceDataset {
  /** The crawl that filled it; absent for a kept dataset opened from disk. */
  jobId?: string
  datasetId: string
  info?: DatasetInfo
}

/**
 * Whose data a per-user resource loads: the token's owner, one chosen user, or every user — user by
 * user, or (`account`) in the account's one listing where Zoom has one (cloud recordings); tabs
 * without one list every user user by user.
 */
export type UserTarget = { kind: 'me' } | { kind: 'all' } | { kind: 'account' } | { kind: 'one'; user: TargetUser }

/** A user picked by e-mail, name or ID: `id` once resolved, else the text typed so far. */
export interface TargetUser {
  id?: string
  email?: string
  name?: string
  query?: string
}

/** A link from elsewhere (a user's detail drawer) to a resource tab, loading it at once. */
export interface BrowseRequest {
  profileId: string
  /** The list's path template. */
  resource: string
  /** Path parameters filled in before the load (a meeting's participants: its meetingId). */
  pathValues?: Readonly<Record<string, string>>
  /** Where `pathValues` came from, as the fields' hints say it: "a phone user's details in Phone users". */
  filledFrom?: string
  /** Set once the panel started the load, so re-rendering does not load again. */
  handled?: boolean
}

/**
 * A list's Load (and the crawl buttons that follow it): whether it is between Load and main's
 * answer, why it failed, and the fields main or the user lookup refused.
 */
export interface ListLoad {
  starting: boolean
  error?: string
  fieldErrors: Record<string, string>
}

/** What Load sends: the list's parameters, and whose data for a per-user list (undefined otherwise). */
export interface LoadListInput {
  profileId: string
  /** The list's path template. */
  resource: string
  params: CrawlInput['params']
  target?: UserTarget
  /** Whether the grant allows the account's one listing (cloud recordings); else "account" lists user by user. */
  accountListingAllowed?: boolean
}

export interface BrowseState {
  jobs: Record<string, JobProgress>
  /** Key: datasetKey(profileId, resource). */
  datasets: Record<string, ResourceDataset | undefined>
  gridViews: Record<string, GridView | undefined>
  /** Per connection: the chosen user target, shared by every per-user tab. */
  userTargets: Record<string, UserTarget | undefined>
  /** Per connection: the list shown in Browse, by path template. */
  browseTabs: Record<string, string | undefined>
  /**
   * Key: datasetKey(profileId, resource). What the person typed in a list's parameters form, kept
   * here so it outlives the panel like the list it loaded: leave the tab and come back, and the
   * form still describes the rows shown.
   */
  paramValues: Record<string, Record<string, string | boolean> | undefined>
  browseRequest: BrowseRequest | undefined
  /** Datasets a change sent from the console may have made out of date (a reload makes a new dataset). */
  changedInConsole: Record<string, true | undefined>
  /** Datasets whose "Select all N" is asking main for the rows right now. */
  selectingAll: Record<string, boolean | undefined>
  /** Datasets kept on disk (every connection), newest first. */
  keptDatasets: KeptDataset[]
  /** "Clear kept data" running, or why it last failed. */
  keptTask: Task<'clearKept'> | undefined
  /** Key: datasetKey(profileId, resource). Set by loadList and the crawl buttons; the panel only reads it. */
  listLoads: Record<string, ListLoad | undefined>
  /** Datasets whose export is being written right now. */
  exporting: Record<string, boolean | undefined>
  /** How far each of those exports has got, once main has said ('data.exportProgress'). */
  exportProgress: Record<string, Omit<ExportProgress, 'datasetId'> | undefined>
  /** Per connection: opening a list from "All lists" (asking main for its description), or why that failed. */
  openListTasks: Record<string, Task<'open'> | undefined>
}

export interface BrowseSlice extends BrowseState {
  applyJob(job: JobProgress): void
  startCrawl(input: CrawlInput): Promise<JobProgress>
  cancelJob(jobId: string): Promise<void>
  loadDatasetInfo(profileId: string, resource: string): Promise<void>
  setGridView(datasetId: string, patch: Partial<GridView>): void
  fetchRows(input: RowsInput): Promise<RowsWindow>
  fetchRow(datasetId: string, index: number): Promise<unknown>
  /** `signal`: aborting it cancels the export (main stops it and removes what it wrote). */
  exportDataset(datasetId: string, options: ExportChoice, signal?: AbortSignal): Promise<ExportResult>
  /**
   * "Select all N": the dataset indexes of every row the grid's filter passes, from main in one
   * call (not paged through here). While it runs `selectingAll[datasetId]` is set; a failure is
   * reported as a notice and gives `undefined`.
   */
  selectAllRows(datasetId: string): Promise<number[] | undefined>
  /** How many of the selected rows the grid's current filter shows (every one when there is no filter). */
  countSelectedShown(datasetId: string, rowIndexes: readonly number[]): Promise<number>
  /** The one-user picker's type-ahead (loaded users lists, then Zoom for a whole e-mail or ID). */
  findUsers(profileId: string, query: string, limit: number): Promise<UserMatch[]>
  resumeJob(jobId: string): Promise<void>
  retryFailedUnits(jobId: string): Promise<void>
  setUserTarget(profileId: string, target: UserTarget): void
  setBrowseTab(profileId: string, resource: string): void
  setParamValues(profileId: string, resource: string, values: Record<string, string | boolean>): void
  /** Opens a per-user tab for one user and loads it (the user drawer's links). */
  openForUser(profileId: string, resource: string, user: TargetUser): void
  /** Opens a list of Zoom's files with its path parameters filled in, and loads it (a meeting's participants). */
  openListWith(profileId: string, resource: string, pathValues: Readonly<Record<string, string>>, filledFrom?: string): void
  /** A change (POST, PATCH, PUT, DELETE) Zoom accepted from the console: marks the loaded lists it may touch. */
  noteConsoleChange(profileId: string, path: string): void
  markBrowseRequestHandled(): void
  /** Lists the kept datasets (main deletes expired ones first). */
  loadKept(): Promise<void>
  /** Keeps the dataset shown for this connection and resource on disk. */
  keepDataset(profileId: string, resource: string): Promise<void>
  /** Shows a kept dataset in its resource's grid. */
  openKept(kept: KeptDataset): Promise<void>
  /** Crawls a kept dataset again; the new crawl is kept in its place and shown. */
  refreshKept(kept: KeptDataset): Promise<void>
  forgetKept(datasetId: string): Promise<void>
  /** "Clear kept data": every kept dataset is deleted; resolves with how many. */
  clearKept(): Promise<number>
  /**
   * Load: resolves a typed user (one match, else a field error), then starts the crawl. Its state
   * is in `listLoads[datasetKey]`; failures are kept there, never thrown.
   */
  loadList(input: LoadListInput): Promise<void>
  /** Cancel, resume or retry a list's crawl; a failure shows as the list's load error. */
  controlCrawl(profileId: string, resource: string, action: 'cancel' | 'resume' | 'retry', jobId: string): Promise<void>
  /**
   * Export writes the grid's rows (its sort, filter and columns) to a file main asks for. While it
   * runs `exporting[datasetId]` is set; the outcome is a notice; never throws.
   */
  exportToFile(datasetId: string, choice: ExportChoice): Promise<void>
  /** Main's word on how far an export has got. */
  applyExportProgress(progress: ExportProgress): void
  /** Stops the dataset's export under way; its notice says it was cancelled. */
  cancelExport(datasetId: string): void
  /** A list from "All lists": main's description of it, or undefined with the reason in `openListTasks`. */
  openCatalogList(profileId: string, path: string): Promise<ApiOperation | undefined>
}

/** What the export dialog asks: the file format, labels or raw values, and Excel's byte-order mark. */
export interface ExportChoice {
  format: 'csv' | 'json' | 'ndjson'
  values: 'labels' | 'raw'
  excel: boolean
  /** CSV: between fields (main's default when absent). */
  separator?: CsvSeparator
  /** Only these rows (the grid's selection, dataset indexes); main writes them in the grid's sort order. */
  rowIndexes?: number[]
}

export const datasetKey = (profileId: string, resource: string) => `${profileId}:${resource}`
export const EMPTY_GRID_VIEW: GridView = { filterText: '' }

export const getEmptyBrowseState = (): BrowseState => ({ jobs: {}, datasets: {}, gridViews: {}, userTargets: {}, browseTabs: {}, paramValues: {}, browseRequest: undefined, changedInConsole: {}, selectingAll: {}, listLoads: {}, exporting: {}, exportProgress: {}, openListTasks: {}, keptDatasets: [], keptTask: undefined })

/** What a kept list remembers of its grid: the sort, the filter text, the empty filters and the columns chosen. */
function keptViewOf(view: GridView | undefined): KeptView | undefined {
  if (!view) return undefined
  const kept: KeptView = {
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.filterText !== '' ? { filterText: view.filterText } : {}),
    ...(view.empty ? { empty: view.empty } : {}),
    ...(view.columns ? { columns: view.columns } : {}),
  }
  return Object.keys(kept).length > 0 ? kept : undefined
}

/** The grid views with a kept list's own, unless its grid already has one (it was open). */
function withKeptView(views: BrowseState['gridViews'], datasetId: string, kept: KeptView | undefined): BrowseState['gridViews'] {
  if (!kept || views[datasetId]) return views
  return { ...views, [datasetId]: { filterText: kept.filterText ?? '', ...(kept.sort ? { sort: kept.sort } : {}), ...(kept.empty ? { empty: kept.empty } : {}), ...(kept.columns ? { columns: kept.columns } : {}) } }
}

/** The request form of a grid view, shared by row windows and exports so both see the same rows. */
export function gridQuery(view: GridView): Pick<RowsInput, 'sort' | 'filter' | 'columns'> {
  return {
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.filterText.trim() || view.equals || view.empty
      ? { filter: { ...(view.filterText.trim() ? { text: view.filterText.trim() } : {}), ...(view.equals ? { equals: view.equals } : {}), ...(view.empty ? { empty: view.empty } : {}) } }
      : {}),
    ...(view.columns ? { columns: view.columns } : {}),
  }
}

/**
 * The chosen user, resolving typed text that was not picked from the suggestions: a single match
 * is taken, anything else is an error to show beside the field.
 */
async function resolveTargetUser(findUsers: BrowseSlice['findUsers'], profileId: string, user: TargetUser): Promise<{ user: TargetUser } | { error: string }> {
  if (user.id !== undefined) return { user }
  const query = user.query?.trim()
  if (!query) return { error: 'Type an e-mail, name or user ID, then pick the user.' }
  const found = await findUsers(profileId, query, 2)
  const only = found.length === 1 ? found[0] : undefined
  if (only) return { user: { id: only.id, email: only.email, ...(only.name ? { name: only.name } : {}) } }
  return { error: found.length === 0 ? `No user matches “${query}”.` : `Several users match “${query}”: pick one from the list.` }
}

export const createBrowseSlice: StateCreator<Store, [], [], BrowseSlice> = (set, get) => {
  /** What cancels each dataset's export under way. */
  const exportStops = new Map<string, AbortController>()
  const recordLoad = (key: string, load: ListLoad) => set((s) => ({ listLoads: { ...s.listLoads, [key]: load } }))

  /** Sets `state[flag][datasetId]` while `run` runs, whatever its outcome (Select all's and Export's progress). */
  const whileFlagged = async <T>(flag: 'selectingAll' | 'exporting', datasetId: string, run: () => Promise<T>): Promise<T> => {
    set((s) => ({ [flag]: { ...s[flag], [datasetId]: true } }))
    try {
      return await run()
    } finally {
      set((s) => ({ [flag]: { ...s[flag], [datasetId]: undefined } }))
    }
  }

  /** The crawl's `users`: one user is resolved first (typed text that was not picked from the list). */
  const crawlUsers = async ({ profileId, target, accountListingAllowed }: LoadListInput): Promise<CrawlInput['users'] | { error: string }> => {
    if (!target) return undefined
    if (target.kind === 'account') return accountListingAllowed ? 'account' : 'all'
    if (target.kind !== 'one') return target.kind
    const resolved = await resolveTargetUser(get().findUsers, profileId, target.user)
    if ('error' in resolved) return resolved
    if (resolved.user !== target.user) get().setUserTarget(profileId, { kind: 'one', user: resolved.user })
    return [resolved.user.id ?? '']
  }

  return {

  ...getEmptyBrowseState(),
  applyJob: (job) => {
    const before = get().jobs[job.jobId]
    set((s) => ({ jobs: { ...s.jobs, [job.jobId]: job } }))
    const key = datasetKey(job.profileId, job.resource)
    const current = get().datasets[key]
    // A job that stops (first load, a resume or a retry) changed its dataset's rows, columns and
    // completeness: fetch the info again.
    const stopped = job.state !== 'running' && (before?.state === 'running' || !current?.info)
    if (current?.jobId === job.jobId && stopped) void get().loadDatasetInfo(job.profileId, job.resource).catch(() => undefined)
  },
  startCrawl: async (input) => {
    const job = await call('data.crawl', input)
    const key = datasetKey(input.profileId, input.resource)
    const previous = get().datasets[key]
    set((s) => ({ jobs: { ...s.jobs, [job.jobId]: job }, datasets: { ...s.datasets, [key]: { jobId: job.jobId, datasetId: job.datasetId } } }))
    if (previous && previous.datasetId !== job.datasetId) void call('data.closeDataset', { datasetId: previous.datasetId }).catch(() => undefined)
    if (job.state !== 'running') await get().loadDatasetInfo(input.profileId, input.resource)
    return job
  },
  cancelJob: async (jobId) => {
    get().applyJob(await call('data.cancel', { jobId }))
  },
  loadDatasetInfo: async (profileId, resource) => {
    const key = datasetKey(profileId, resource)
    const current = get().datasets[key]
    if (!current) return
    const info = await call('data.dataset', { datasetId: current.datasetId })
    set((s) => {
      const now = s.datasets[key]
      return now?.datasetId === info.datasetId ? { datasets: { ...s.datasets, [key]: { ...now, info } } } : {}
    })
  },
  setGridView: (datasetId, patch) => set((s) => ({ gridViews: { ...s.gridViews, [datasetId]: { ...(s.gridViews[datasetId] ?? EMPTY_GRID_VIEW), ...patch } } })),
  fetchRows: (input) => call('data.rows', input),
  fetchRow: (datasetId, index) => call('data.row', { datasetId, index }),
  exportDataset: (datasetId, { format, values, excel, separator, rowIndexes }, signal) => {
    const { columns, ...query } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    return call(
      'data.export',
      { datasetId, format, values, ...(format === 'csv' && excel ? { excel: true } : {}), ...(format === 'csv' && separator ? { separator } : {}), ...query, ...(columns ? { columns } : {}), ...(rowIndexes ? { rowIndexes } : {}) },
      signal ? { signal } : {},
    )
  },
  selectAllRows: async (datasetId) => {
    const { columns: _columns, ...query } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    return whileFlagged('selectingAll', datasetId, async () => {
      try {
        return (await call('data.select', { datasetId, ...query })).indexes
      } catch (error) {
        get().notify({ tone: 'error', title: 'Could not select every row', description: errorMessage(error) })
        return undefined
      }
    })
  },
  countSelectedShown: async (datasetId, rowIndexes) => {
    const { filter } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    if (!filter || rowIndexes.length === 0) return rowIndexes.length
    return (await call('data.selectedShown', { datasetId, filter, rowIndexes: [...rowIndexes] })).shown
  },
  findUsers: (profileId, query, limit) => call('data.findUsers', { profileId, query, limit }),
  resumeJob: async (jobId) => get().applyJob(await call('data.resume', { jobId })),
  retryFailedUnits: async (jobId) => get().applyJob(await call('data.retryFailed', { jobId })),
  setUserTarget: (profileId, target) => set((s) => ({ userTargets: { ...s.userTargets, [profileId]: target } })),
  setBrowseTab: (profileId, resource) => set((s) => ({ browseTabs: { ...s.browseTabs, [profileId]: resource } })),
  setParamValues: (profileId, resource, values) => set((s) => ({ paramValues: { ...s.paramValues, [datasetKey(profileId, resource)]: values } })),
  openForUser: (profileId, resource, user) =>
    set((s) => ({
      userTargets: { ...s.userTargets, [profileId]: { kind: 'one', user } },
      browseTabs: { ...s.browseTabs, [profileId]: resource },
      browseRequest: { profileId, resource },
    })),
  openListWith: (profileId, resource, pathValues, filledFrom) =>
    set((s) => ({
      browseTabs: { ...s.browseTabs, [profileId]: resource },
      browseRequest: { profileId, resource, pathValues, ...(filledFrom === undefined ? {} : { filledFrom }) },
    })),
  noteConsoleChange: (profileId, path) =>
    set((s) => {
      const touched = Object.entries(s.datasets).flatMap(([key, dataset]) =>
        dataset && key.startsWith(`${profileId}:`) && changeTouchesList(key.slice(profileId.length + 1), path) ? [dataset.datasetId] : [])
      return touched.length === 0 ? {} : { changedInConsole: { ...s.changedInConsole, ...Object.fromEntries(touched.map((id) => [id, true as const])) } }
    }),
  markBrowseRequestHandled: () => set((s) => (s.browseRequest ? { browseRequest: { ...s.browseRequest, handled: true } } : {})),
  loadKept: async () => {
    const keptDatasets = await call('data.kept', {})
    set({ keptDatasets })
  },
  keepDataset: async (profileId, resource) => {
    const current = get().datasets[datasetKey(profileId, resource)]
    if (!current) return
    try {
      await call('data.keep', { datasetId: current.datasetId, view: keptViewOf(get().gridViews[current.datasetId]) })
      await Promise.all([get().loadDatasetInfo(profileId, resource), get().loadKept()])
    } catch (error) {
      get().notify({ tone: 'error', title: 'The list was not kept', description: errorMessage(error) })
    }
  },
  openKept: async (kept) => {
    const info = await call('data.openKept', { datasetId: kept.datasetId })
    const key = datasetKey(kept.profileId, kept.resource)
    const previous = get().datasets[key]
    set((s) => ({ datasets: { ...s.datasets, [key]: { datasetId: info.datasetId, info } }, gridViews: withKeptView(s.gridViews, info.datasetId, kept.view) }))
    if (previous && previous.datasetId !== info.datasetId) void call('data.closeDataset', { datasetId: previous.datasetId }).catch(() => undefined)
  },
  refreshKept: async (kept) => {
    const job = await call('data.refreshKept', { datasetId: kept.datasetId })
    const key = datasetKey(kept.profileId, kept.resource)
    const previous = get().datasets[key]
    set((s) => ({ jobs: { ...s.jobs, [job.jobId]: job }, datasets: { ...s.datasets, [key]: { jobId: job.jobId, datasetId: job.datasetId } }, gridViews: withKeptView(s.gridViews, job.datasetId, kept.view) }))
    if (previous && previous.datasetId !== job.datasetId && previous.datasetId !== kept.datasetId) void call('data.closeDataset', { datasetId: previous.datasetId }).catch(() => undefined)
    await get().loadKept()
  },
  forgetKept: async (datasetId) => {
    await call('data.forgetKept', { datasetId })
    set((s) => ({ datasets: Object.fromEntries(Object.entries(s.datasets).filter(([, d]) => d?.datasetId !== datasetId)) }))
    await get().loadKept()
  },
  clearKept: () => trackTask((keptTask) => set({ keptTask }), 'clearKept', async () => {
    const { removed } = await call('data.clearKept', undefined)
    const kept = new Set(get().keptDatasets.map((k) => k.datasetId))
    set((s) => ({ keptDatasets: [], datasets: Object.fromEntries(Object.entries(s.datasets).filter(([, d]) => !d || !kept.has(d.datasetId))) }))
    return removed
  }),
  loadList: async (input) => {
    const key = datasetKey(input.profileId, input.resource)
    recordLoad(key, { starting: true, fieldErrors: {} })
    try {
      const users = await crawlUsers(input)
      if (users !== undefined && typeof users === 'object' && 'error' in users) {
        recordLoad(key, { starting: false, fieldErrors: { users: users.error } })
        return
      }
      await get().startCrawl({ profileId: input.profileId, resource: input.resource, params: input.params, ...(users !== undefined ? { users } : {}) })
      recordLoad(key, { starting: false, fieldErrors: {} })
    } catch (error) {
      // Main checks the parameters (once, against the list's description) and names the fields it
      // refuses; its 403 message already names the scopes this kind of app can be granted.
      const fieldErrors = error instanceof BridgeCallError && error.issues.length > 0 ? issuesByField(error.issues.map((i) => ({ ...i, path: i.path.replace(/^params\./, '') }))) : {}
      recordLoad(key, { starting: false, error: errorMessage(error), fieldErrors })
    }
  },
  controlCrawl: async (profileId, resource, action, jobId) => {
    try {
      if (action === 'cancel') await get().cancelJob(jobId)
      else if (action === 'resume') await get().resumeJob(jobId)
      else await get().retryFailedUnits(jobId)
    } catch (error) {
      const key = datasetKey(profileId, resource)
      recordLoad(key, { fieldErrors: {}, ...get().listLoads[key], starting: false, error: errorMessage(error) })
    }
  },
  exportToFile: async (datasetId, choice) => {
    // The separator chosen is the one the next export of that format starts on (stored in main's settings).
    if (choice.format === 'csv' && choice.separator) {
      const key = choice.excel ? 'excelCsvSeparator' : 'csvSeparator'
      if (get().settings?.[key] !== choice.separator) void get().updateSettings({ [key]: choice.separator })
    }
    const stop = new AbortController()
    exportStops.set(datasetId, stop)
    await whileFlagged('exporting', datasetId, async () => {
      try {
        const result = await get().exportDataset(datasetId, choice, stop.signal)
        const incomplete = result.incomplete && result.incomplete.length > 0 ? result.incomplete : undefined
        // No path: the person closed the save dialog, nothing to say.
        if (result.path)
          get().notify({
            tone: incomplete ? 'info' : 'success',
            title: `Exported ${formatCount(result.rows)} ${result.rows === 1 ? 'row' : 'rows'}${incomplete ? ' of incomplete data' : ''}`,
            description: incomplete ? `${result.path}. Missing: ${incomplete.join('; ')}.` : result.path,
          })
      } catch (error) {
        if (error instanceof BridgeCallError && error.code === 'CANCELLED') get().notify({ tone: 'info', title: 'Export cancelled', description: errorMessage(error) })
        else get().notify({ tone: 'error', title: 'Export failed', description: errorMessage(error) })
      } finally {
        if (exportStops.get(datasetId) === stop) exportStops.delete(datasetId)
        set((s) => ({ exportProgress: { ...s.exportProgress, [datasetId]: undefined } }))
      }
    })
  },
  applyExportProgress: ({ datasetId, written, total }) => {
    // Only for an export this window is waiting for (another window's is not shown here).
    if (get().exporting[datasetId] !== true) return
    set((s) => ({ exportProgress: { ...s.exportProgress, [datasetId]: { written, total } } }))
  },
  cancelExport: (datasetId) => exportStops.get(datasetId)?.abort(),
  openCatalogList: (profileId, path) =>
    trackTask((task) => set((s) => ({ openListTasks: { ...s.openListTasks, [profileId]: task } })), 'open', () => call('catalog.operation', { method: 'GET', path })).catch(() => undefined),
  }
}
