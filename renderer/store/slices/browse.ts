// Browse: crawl jobs ('data.job' events), the dataset shown per connection and resource, and the
// grid's sort, filter and columns. Rows themselves stay in main; the grid asks for windows.
import type { StateCreator } from 'zustand'
import type { CrawlInput, DatasetInfo, ExportResult, JobProgress, RowsInput, RowsWindow } from '../../../common/contract/index'
import type { ListResourceId } from '../../../common/zoom/resource-ids'
import { call } from '../../ipc'
import type { Store } from '../types'

export interface GridView {
  sort?: { column: string; direction: 'asc' | 'desc' }
  filterText: string
  /** Chosen columns; undefined = the resource's defaults. */
  columns?: string[]
  /** Per-column filters (the Events tab's filter by type). */
  columnFilters?: Record<string, string>
}

export interface ResourceDataset {
  jobId: string
  datasetId: string
  info?: DatasetInfo
}

export interface BrowseState {
  jobs: Record<string, JobProgress>
  /** Key: datasetKey(profileId, resource). */
  datasets: Record<string, ResourceDataset | undefined>
  gridViews: Record<string, GridView | undefined>
}

export interface BrowseSlice extends BrowseState {
  applyJob(job: JobProgress): void
  startCrawl(input: CrawlInput): Promise<JobProgress>
  cancelJob(jobId: string): Promise<void>
  loadDatasetInfo(profileId: string, resource: ListResourceId): Promise<void>
  setGridView(datasetId: string, patch: Partial<GridView>): void
  fetchRows(input: RowsInput): Promise<RowsWindow>
  fetchRow(datasetId: string, index: number): Promise<unknown>
  exportDataset(datasetId: string, format: 'csv' | 'json'): Promise<ExportResult>
}

export const datasetKey = (profileId: string, resource: string) => `${profileId}:${resource}`
export const EMPTY_GRID_VIEW: GridView = { filterText: '' }

export const getEmptyBrowseState = (): BrowseState => ({ jobs: {}, datasets: {}, gridViews: {} })

/** The request form of a grid view, shared by row windows and exports so both see the same rows. */
export function gridQuery(view: GridView): Pick<RowsInput, 'sort' | 'filter' | 'columns'> {
  return {
    ...(view.sort ? { sort: view.sort } : {}),
    ...(view.filterText.trim() || view.columnFilters
      ? { filter: { ...(view.filterText.trim() ? { text: view.filterText.trim() } : {}), ...(view.columnFilters ? { columns: view.columnFilters } : {}) } }
      : {}),
    ...(view.columns ? { columns: view.columns } : {}),
  }
}

export const createBrowseSlice: StateCreator<Store, [], [], BrowseSlice> = (set, get) => ({
  ...getEmptyBrowseState(),
  applyJob: (job) => {
    set((s) => ({ jobs: { ...s.jobs, [job.jobId]: job } }))
    const key = datasetKey(job.profileId, job.resource)
    const current = get().datasets[key]
    // A finished job's dataset gains its columns; fetch the info once it is done.
    if (current?.jobId === job.jobId && job.state !== 'running' && !current.info) void get().loadDatasetInfo(job.profileId, job.resource as ListResourceId).catch(() => undefined)
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
  exportDataset: (datasetId, format) => {
    const { columns, ...query } = gridQuery(get().gridViews[datasetId] ?? EMPTY_GRID_VIEW)
    return call('data.export', { datasetId, format, ...query, ...(columns ? { columns } : {}) })
  },
})
