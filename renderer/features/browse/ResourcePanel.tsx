// One catalog resource: parameters, Load, crawl progress, then the grid with its toolbar, the
// detail drawer, multi-select downloads (recordings) and the chart (daily usage report).
import { useCallback, useState } from 'react'
import type { ProfileView } from '../../../common/profile'
import type { ListResource } from '../../../common/zoom/catalog'
import { validateResourceParams } from '../../../common/zoom/params'
import { issuesByField } from '../editor/draft'
import { formatCount } from '../overview/format'
import { BridgeCallError, errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { isAccountWide } from '../../store/selectors/scopes'
import { datasetKey, EMPTY_GRID_VIEW, gridQuery } from '../../store/slices/browse'
import { CrawlProgress } from './CrawlProgress'
import { DailyUsageChart } from './DailyUsageChart'
import { DataGrid } from './DataGrid'
import { DetailDrawer } from './DetailDrawer'
import { DownloadsPanel } from './DownloadsPanel'
import { GridToolbar } from './GridToolbar'
import type { ParamValues, UsersChoice } from './ParamsForm'
import { ParamsForm, toCrawlParams } from './ParamsForm'
import { useRowWindows } from './use-row-windows'

export function ResourcePanel({ profile, resource, missing, unavailable }: { profile: ProfileView; resource: ListResource; missing: string[]; unavailable: boolean }) {
  const dataset = useStore((s) => s.datasets[datasetKey(profile.id, resource.id)])
  const job = useStore((s) => (dataset ? s.jobs[dataset.jobId] : undefined))
  const startCrawl = useStore((s) => s.startCrawl)
  const cancelJob = useStore((s) => s.cancelJob)
  const [values, setValues] = useState<ParamValues>({})
  const [users, setUsers] = useState<UsersChoice>(isAccountWide(profile) ? 'all' : 'me')
  const [paramErrors, setParamErrors] = useState<Record<string, string>>({})
  const [loadError, setLoadError] = useState<string>()
  const running = job?.state === 'running'

  const load = async () => {
    setLoadError(undefined)
    const check = validateResourceParams(resource, toCrawlParams(resource, values), { now: Date.now() })
    if (!check.ok) {
      setParamErrors(issuesByField(check.issues))
      return
    }
    setParamErrors({})
    try {
      await startCrawl({ profileId: profile.id, resource: resource.id, params: toCrawlParams(resource, values), ...(resource.perUser ? { users } : {}) })
    } catch (error) {
      if (error instanceof BridgeCallError && error.issues.length > 0) setParamErrors(issuesByField(error.issues.map((i) => ({ ...i, path: i.path.replace(/^params\./, '') }))))
      setLoadError(error instanceof BridgeCallError && error.code === 'ZOOM_SCOPE_MISSING' && error.details?.acceptedScopes ? `${error.message} Add one of ${error.details.acceptedScopes.join(', ')} to the app, then reconnect.` : errorMessage(error))
    }
  }

  return (
    <div className="stack" style={{ gap: 12 }}>
      <div className="resource-head">
        <div className="stack" style={{ gap: 2 }}>
          <h2>{resource.title}</h2>
          <p className="muted">
            {resource.description}
            {resource.requires ? ` Requires ${resource.requires}.` : ''}
          </p>
        </div>
      </div>
      {unavailable && (
        <p className="callout" data-tone="warn">
          {resource.title} needs an account-wide scope: use a Server-to-Server or admin-managed app for it.
        </p>
      )}
      {missing.length > 0 && (
        <p className="callout" data-tone="warn">
          This connection was not granted a scope for {resource.title.toLowerCase()}. Add one of <span className="mono">{missing.slice(0, 4).join(', ')}</span> on the app’s Scopes page, then reconnect.
        </p>
      )}
      <form
        className="params-form"
        aria-label={`${resource.title} parameters`}
        onSubmit={(e) => {
          e.preventDefault()
          void load()
        }}
      >
        <ParamsForm resource={resource} values={values} onChange={setValues} users={users} onUsers={setUsers} accountWide={isAccountWide(profile)} errors={paramErrors} />
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={running}>
            {dataset ? 'Reload' : 'Load'} {resource.title.toLowerCase()}
          </button>
        </div>
      </form>
      {loadError && (
        <p className="callout" data-tone="bad" role="alert">
          {loadError}
        </p>
      )}
      {job && <CrawlProgress job={job} onCancel={() => void cancelJob(job.jobId).catch((e: unknown) => setLoadError(errorMessage(e)))} />}
      {dataset?.info && !running && <DatasetView profile={profile} resource={resource} datasetId={dataset.datasetId} rowsInDataset={dataset.info.rows} availableColumns={dataset.info.availableColumns} defaultColumns={dataset.info.defaultColumns} />}
      {resource.id === 'recordings' && <DownloadsPanel />}
    </div>
  )
}

interface DatasetViewProps {
  profile: ProfileView
  resource: ListResource
  datasetId: string
  rowsInDataset: number
  availableColumns: string[]
  defaultColumns: string[]
}

function DatasetView({ resource, datasetId, rowsInDataset, availableColumns, defaultColumns }: DatasetViewProps) {
  const view = useStore((s) => s.gridViews[datasetId]) ?? EMPTY_GRID_VIEW
  const setGridView = useStore((s) => s.setGridView)
  const exportDataset = useStore((s) => s.exportDataset)
  const enqueue = useStore((s) => s.enqueueDownloads)
  const notify = useStore((s) => s.notify)
  const rows = useRowWindows(datasetId, view, rowsInDataset)
  const [detail, setDetail] = useState<number>()
  const [exporting, setExporting] = useState(false)
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set())
  const selectable = resource.id === 'recordings'

  const onSort = useCallback(
    (column: string) => {
      const current = view.sort?.column === column ? view.sort.direction : undefined
      // asc → desc → unsorted, so the original order is one more click away.
      setGridView(datasetId, { sort: current === undefined ? { column, direction: 'asc' } : current === 'asc' ? { column, direction: 'desc' } : undefined })
    },
    [view.sort, setGridView, datasetId],
  )
  const onFilter = useCallback((filterText: string) => setGridView(datasetId, { filterText }), [setGridView, datasetId])
  const onExport = async (format: 'csv' | 'json') => {
    setExporting(true)
    try {
      const result = await exportDataset(datasetId, format)
      if (result.path) notify({ tone: 'success', title: `Exported ${formatCount(result.rows)} ${result.rows === 1 ? 'row' : 'rows'}`, description: result.path })
    } catch (error) {
      notify({ tone: 'error', title: 'Export failed', description: errorMessage(error) })
    } finally {
      setExporting(false)
    }
  }
  const toggle = useCallback(
    (index: number) =>
      setSelection((s) => {
        const next = new Set(s)
        if (next.has(index)) next.delete(index)
        else next.add(index)
        return next
      }),
    [],
  )
  const fetchRows = useStore((s) => s.fetchRows)
  const [selectingAll, setSelectingAll] = useState(false)
  /** Every row the filter shows, fetched as index windows (1,000 at a time), not the rows' data. */
  const selectAll = async () => {
    const total = rows.total ?? 0
    setSelectingAll(true)
    try {
      const all = new Set<number>()
      const { columns: _columns, ...query } = gridQuery(view)
      for (let offset = 0; offset < total; offset += 1000) {
        const window = await fetchRows({ datasetId, offset, limit: 1000, columns: [defaultColumns[0] ?? 'id'], ...query })
        for (const r of window.rows) all.add(r.index)
      }
      setSelection(all)
    } catch (error) {
      notify({ tone: 'error', title: 'Could not select every row', description: errorMessage(error) })
    } finally {
      setSelectingAll(false)
    }
  }
  const download = async () => {
    try {
      await enqueue(datasetId, [...selection])
      notify({ tone: 'success', title: `Downloading the files of ${selection.size} ${selection.size === 1 ? 'recording' : 'recordings'}` })
      setSelection(new Set())
    } catch (error) {
      notify({ tone: 'error', title: 'Could not start the downloads', description: errorMessage(error) })
    }
  }

  return (
    <>
      {resource.id === 'report.daily' && <DailyUsageChart datasetId={datasetId} rows={rowsInDataset} />}
      <GridToolbar
        resource={resource}
        filterText={view.filterText}
        onFilter={onFilter}
        shown={rows.total}
        total={rows.datasetTotal}
        columns={view.columns ?? (rows.columns.length > 0 ? rows.columns : defaultColumns)}
        availableColumns={availableColumns}
        onColumns={(columns) => setGridView(datasetId, { columns })}
        onExport={(format) => void onExport(format)}
        exporting={exporting}
      />
      {selectable && (
        <div className="row">
          <span className="muted">{selection.size > 0 ? `${formatCount(selection.size)} selected` : 'Select recordings with the checkboxes or Space.'}</span>
          <button type="button" className="btn btn-small" disabled={selectingAll || !rows.total} onClick={() => void selectAll()}>
            {selectingAll ? 'Selecting…' : `Select all ${formatCount(rows.total ?? 0)}`}
          </button>
          <button type="button" className="btn btn-small btn-primary" disabled={selection.size === 0} onClick={() => void download()}>
            Download selected
          </button>
          {selection.size > 0 && (
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setSelection(new Set())}>
              Clear selection
            </button>
          )}
        </div>
      )}
      <DataGrid resource={resource} rows={rows} view={view} onSort={onSort} onOpen={setDetail} label={resource.title} {...(selectable ? { selection, onToggle: toggle } : {})} />
      <DetailDrawer datasetId={datasetId} index={detail} title={`${resource.title.replace(/s$/, '')} details`} onClose={() => setDetail(undefined)} />
    </>
  )
}
