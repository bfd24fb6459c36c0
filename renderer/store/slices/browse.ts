// Browse: crawl jobs ('data.job' events), the dataset shown per connection and resource, and the
// grid's sort, filter and columns. Rows themselves stay in main; the grid asks for windows.
import type { StateCreator } from 'zustand'
import type { CrawlInput, DatasetInfo, ExportResult, JobProgress, RowsInput, RowsWindow, UserMatch } from '../../../common/contract/index'
import { call, errorMessage } from '../../ipc'
import type { Store } from '../types'

export interface GridView {
  sort?: { column: string; direction: 'asc' | 'desc' }
  filterText: string
  /** Chosen columns; undefined = the resource's defaults. */
  columns?: string[]
  /** Per-column filters (the Events tab's filter by type). */
  /** Exact match per column (the events grid's type filter). */
  equals?: Record<string, string>
}

export interface ResourceDataset {
  jobId: string
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
  /** Set once the panel started the load, so re-rendering does not load again. */
  handled?: boolean
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
  browseRequest: BrowseRequest | undefined
  /** Datasets whose "Select all N" is asking main for the rows right now. */
  selectingAll: Record<string, boolean | undefined>
}

export interface BrowseSlice extends BrowseState {
  applyJob(job: JobProgress): void
  startCrawl(input: CrawlInput): Promise<JobProgress>
  cancelJob(jobId: string): Promise<void>
  loadDatasetInfo(profileId: string, resource: string): Promise<void>
  setGridView(datasetId: string, patch: Partial<GridView>): void
  fetchRows(input: RowsInput): Promise<RowsWindow>
  fetchRow(datasetId: string, index: number): Promise<unknown>
  exportDataset(datasetId: string, options: ExportChoice): Promise<ExportResult>
  /**
   * "Select all N": the dataset indexes of every row the grid's filter passes, from main in one
   * call (not paged through here). While it runs `selectingAll[datasetId]` is set; a failure is
   * reported as a notice and gives `undefined`.
   */
  selectAllRows(datasetId: string): Promise<number[] | undefined>
  /** The one-user picker's type-ahead (loaded users lists, then Zoom for a whole e-mail or ID). */
  findUsers(profileId: string, query: string, limit: number): Promise<UserMatch[]>
  resumeJob(jobId: string): Promise<void>
  retryFailedUnits(jobId: string): Promise<void>
  setUserTarget(profileId: string, target: UserTarget): void
  setBrowseTab(profileId: string, resource: string): void
  /** Opens a per-user tab for one user and loads it (the user drawer's links). */
  openForUser(profileId: string, resource: string, user: TargetUser): void
  markBrowseRequestHandled(): void
}

/** What the export dialog asks: the file format, labels or raw values, and Excel's byte-order mark. */
export interface ExportChoice {
  format: 'csv' | 'json'
  values: 'labels' | 'raw'
  excel: boolean
}

export const datasetKey = (profileId: string, resource: string) => `${profileId}:${resource}`
export const EMPTY_GRID_VIEW: GridView = { filterText: '' }

export const getEmptyBrowseState = (): BrowseState => ({ jobs: {}, datasets: {}, gridViews: {}, userTargets: {}, browseTabs: {}, browseRequest: undefined, selectingAll: {} })

/** The request form of a grid view, shared by row windows and exports so both see the same rows. */
export function gridQuery(view: GridView): Pick<RowsInput, 'sort' | 'filter' | 'columns'> {
  return {
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.filterText.trim() || view.equals
      ? { filter: { ...(view.filterText.trim() ? { text: view.filterText.trim() } : {}), ...(view.equals ? { equals: view.equals } : {}) } }
      : {}),
    ...(view.columns ? { columns: view.columns } : {}),
  }
}

export const createBrowseSlice: StateCreator<Store, [], [], BrowseSlice> = (set, get) => ({
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
  exportDataset: (datasetId, { format, values, excel }) => {
    const { columns, ...query } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    return call('data.export', { datasetId, format, values, ...(format === 'csv' && excel ? { excel: true } : {}), ...query, ...(columns ? { columns } : {}) })
  },
  selectAllRows: async (datasetId) => {
    const { columns: _columns, ...query } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    set((s) => ({ selectingAll: { ...s.selectingAll, [datasetId]: true } }))
    try {
      return (await call('data.select', { datasetId, ...query })).indexes
    } catch (error) {
      get().notify({ tone: 'error', title: 'Could not select every row', description: errorMessage(error) })
      return undefined
    } finally {
      set((s) => ({ selectingAll: { ...s.selectingAll, [datasetId]: undefined } }))
    }
  },
  findUsers: (profileId, query, limit) => call('data.findUsers', { profileId, query, limit }),
  resumeJob: async (jobId) => get().applyJob(await call('data.resume', { jobId })),
  retryFailedUnits: async (jobId) => get().applyJob(await call('data.retryFailed', { jobId })),
  setUserTarget: (profileId, target) => set((s) => ({ userTargets: { ...s.userTargets, [profileId]: target } })),
  setBrowseTab: (profileId, resource) => set((s) => ({ browseTabs: { ...s.browseTabs, [profileId]: resource } })),
  openForUser: (profileId, resource, user) =>
    set((s) => ({
      userTargets: { ...s.userTargets, [profileId]: { kind: 'one', user } },
      browseTabs: { ...s.browseTabs, [profileId]: resource },
      browseRequest: { profileId, resource },
    })),
  markBrowseRequestHandled: () => set((s) => (s.browseRequest ? { browseRequest: { ...s.browseRequest, handled: true } } : {})),
})
