// One catalog resource: parameters, Load, crawl progress, then the grid with its toolbar, the
// detail drawer, a selection of rows (to export; recordings also to download) and the chart
// (daily usage report).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { DatasetInfo, JobProgress } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { focusIsLost, useFocusReturn } from '../../components/use-focus-return'
import { formatCount } from '../../shared/format'
import { MAX_SELECTED_ROWS } from '../../../common/contract/define'
import { useStore } from '../../store/index'
import { isAccountWide } from '../../store/selectors/scopes'
import { ACCOUNT_RECORDINGS, accountRecordingsAllowed } from '../../../common/zoom/account-recordings'
import { acceptedScopes } from '../../../common/zoom/scopes'
import type { TargetUser, UserTarget } from '../../store/slices/browse'
import { datasetKey, EMPTY_GRID_VIEW, gridQuery } from '../../store/slices/browse'
import { CrawlProgress } from './CrawlProgress'
import { DailyUsageChart } from './DailyUsageChart'
import { DataGrid } from './DataGrid'
import { EmptyListNote } from './EmptyListNote'
import { DetailDrawer } from './DetailDrawer'
import { DownloadsPanel } from './DownloadsPanel'
import type { DownloadChoice } from './DownloadChoices'
import { ALL_FILES, DownloadChoices } from './DownloadChoices'
import type { ExportFormat } from './ExportDialog'
import { dateRangeParams, initialDateRange } from './date-presets'
import { ExportDialog } from './ExportDialog'
import { defaultSeparator } from '../../../common/csv-separator'
import { GridToolbar } from './GridToolbar'
import { EmptyFilters } from './EmptyFilters'
import { itemListsOf } from './item-lists'
import { KeptDatasets } from './KeptDatasets'
import type { ParamValues } from './ParamsForm'
import { ParamsForm, toCrawlParams } from './ParamsForm'
import { useRowWindows } from './use-row-windows'

/** What an export of this dataset would lack: main's account of it, or the crawl's own state. */
function incompleteness(info: DatasetInfo, job: JobProgress | undefined): string[] | undefined {
  if (job?.state === 'running') return ['the load is still running']
  if (info.complete) return undefined
  return info.missing && info.missing.length > 0 ? info.missing : ['the load did not finish']
}

/**
 * A list that needs dates starts on the last 30 days, not Zoom's default of today only; one whose
 * dates are optional (Meetings) starts without them, listing what Zoom lists by default.
 */
function initialValues(resource: BrowseResource): ParamValues {
  const range = dateRangeParams(resource)
  if (!range?.startFilled) return {}
  const { from, to } = initialDateRange(Date.now())
  return { [range.from]: from, [range.to]: to }
}

const NO_ERRORS: Record<string, string> = {}
const ONLY_ME: UserTarget = { kind: 'me' }
const ALL_USERS: UserTarget = { kind: 'all' }

const RECORDINGS = LIST_RESOURCES.recordings.path
const USERS = LIST_RESOURCES.users.path
const DAILY_REPORT = LIST_RESOURCES['report.daily'].path
const RATE_CATEGORY: Record<BrowseResource['category'], string> = { light: 'Light', medium: 'Medium', heavy: 'Heavy', 'resource-intensive': 'Resource-intensive' }

export function ResourcePanel({ profile, resource, missing, unavailable, advice }: { profile: ProfileView; resource: BrowseResource; missing: string[]; unavailable: boolean; advice?: string }) {
  const dataset = useStore((s) => s.datasets[datasetKey(profile.id, resource.id)])
  const job = useStore((s) => (dataset?.jobId ? s.jobs[dataset.jobId] : undefined))
  const loadList = useStore((s) => s.loadList)
  const controlCrawl = useStore((s) => s.controlCrawl)
  const keepDataset = useStore((s) => s.keepDataset)
  // The form's values live in the slice, beside the list they load (a remount would reset them).
  const [defaults] = useState<ParamValues>(() => initialValues(resource))
  const values = useStore((s) => s.paramValues[datasetKey(profile.id, resource.id)]) ?? defaults
  const setParamValues = useStore((s) => s.setParamValues)
  const setValues = (next: ParamValues) => setParamValues(profile.id, resource.id, next)
  const valuesRef = useRef(values)
  valuesRef.current = values
  const accountWide = isAccountWide(profile)
  const grantedScopes = useStore((s) => s.statuses[profile.id]?.grantedScopes)
  const accountListing = resource.id === RECORDINGS ? { allowed: accountRecordingsAllowed(grantedScopes), scopes: acceptedScopes(ACCOUNT_RECORDINGS) } : undefined
  const target = useStore((s) => s.userTargets[profile.id]) ?? (accountWide ? ALL_USERS : ONLY_ME)
  const setUserTarget = useStore((s) => s.setUserTarget)
  const request = useStore((s) => s.browseRequest)
  const markRequestHandled = useStore((s) => s.markBrowseRequestHandled)
  // Load's state lives in the slice (it outlives this panel: leave the tab and come back).
  const listLoad = useStore((s) => s.listLoads[datasetKey(profile.id, resource.id)])
  const paramErrors = listLoad?.fieldErrors ?? NO_ERRORS
  const loadError = listLoad?.error
  const running = job?.state === 'running'
  /** Between Load and main's answer (resolving a typed user, starting the crawl). */
  const starting = listLoad?.starting === true
  const loadButton = useFocusReturn<HTMLButtonElement>(running || starting)
  /** The grid, for focus to come back to when a control beside it goes away. */
  const grid = useRef<HTMLDivElement>(null)
  const gridElement = useCallback(() => grid.current, [])
  // "Keep this list" is replaced by its note once kept: focus goes to the note, not to <body>.
  const keptNote = useRef<HTMLSpanElement>(null)
  const kept = dataset?.info?.keptAt !== undefined
  const changed = useStore((s) => (dataset ? s.changedInConsole[dataset.datasetId] === true : false))
  useEffect(() => {
    if (kept && focusIsLost()) keptNote.current?.focus()
  }, [kept])

  const load = (given: ParamValues = values) =>
    loadList({
      profileId: profile.id,
      resource: resource.id,
      params: toCrawlParams(resource, given),
      ...(resource.perUser ? { target, accountListingAllowed: accountListing?.allowed === true } : {}),
    })

  // A link from a row's details ("Meetings" of a user, "Participants" of a meeting) loads this tab
  // at once, with the path values it names filled in.
  const loadRef = useRef(load)
  loadRef.current = load
  const heading = useRef<HTMLHeadingElement>(null)
  const requested = request !== undefined && !request.handled && request.profileId === profile.id && request.resource === resource.id ? request : undefined
  // The values a details link filled in, and from where, for the fields' hints (while unchanged).
  const filled = request?.profileId === profile.id && request.resource === resource.id && request.pathValues && request.filledFrom !== undefined
    ? { values: request.pathValues, from: request.filledFrom }
    : undefined
  useEffect(() => {
    if (!requested) return
    markRequestHandled()
    const given = requested.pathValues ? { ...valuesRef.current, ...requested.pathValues } : valuesRef.current
    if (requested.pathValues) setParamValues(requested.profileId, requested.resource, given)
    void loadRef.current(given)
    // The link's drawer has closed and Load is disabled while the list loads: focus goes to the
    // list's heading, where a keyboard user goes on from, instead of falling to <body>.
    heading.current?.focus()
  }, [requested, markRequestHandled, setParamValues])

  return (
    <div className="stack" style={{ gap: 12 }}>
      <div className="resource-head">
        <div className="stack" style={{ gap: 2 }}>
          <h2 ref={heading} tabIndex={-1}>
            {resource.title}
          </h2>
          <p className="muted">
            {resource.description}
            {resource.requires ? ` Requires ${resource.requires}.` : ''}
          </p>
          <p className="muted" data-testid="rate-category">
            <code>{resource.id}</code> · Rate limit: {resource.rateLabel ?? RATE_CATEGORY[resource.category]}
            {resource.product ? ` · ${resource.product}` : ''}
          </p>
        </div>
      </div>
      {(unavailable || missing.length > 0) && advice && (
        <p className="callout" data-tone="warn" data-testid="scope-advice">
          {advice}
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
        <ParamsForm
          resource={resource}
          values={values}
          onChange={setValues}
          profileId={profile.id}
          target={target}
          onTarget={(t) => setUserTarget(profile.id, t)}
          accountWide={accountWide}
          {...(accountListing ? { accountListing } : {})}
          {...(filled ? { filled } : {})}
          errors={paramErrors}
        />
        <div className="row">
          <button ref={loadButton} type="submit" className="btn btn-primary" disabled={running || starting}>
            {dataset ? 'Reload' : 'Load'} {resource.title.toLowerCase()}
          </button>
          {dataset?.info && !running && dataset.info.keptAt === undefined && (
            <button
              type="button"
              className="btn"
              title="Lists are deleted from this computer when closed; a kept one stays until it expires (Settings)."
              onClick={() => void keepDataset(profile.id, resource.id)}
            >
              Keep this list
            </button>
          )}
          {dataset?.info?.keptAt !== undefined && (
            <span ref={keptNote} tabIndex={-1} className="muted" data-testid="kept-note">
              Kept on this computer
            </span>
          )}
        </div>
      </form>
      {changed && !running && (
        <p className="callout callout-row" data-tone="warn" data-testid="changed-in-console">
          <span>Changed in the console since it was loaded: these rows may be out of date.</span>
          <span className="spacer" />
          <button type="button" className="btn btn-small" onClick={() => void load()}>
            Reload
          </button>
        </p>
      )}
      <KeptDatasets profileId={profile.id} resource={resource} />
      {loadError && (
        <p className="callout" data-tone="bad" role="alert">
          {loadError}
        </p>
      )}
      {job && (
        <CrawlProgress
          job={job}
          onCancel={() => void controlCrawl(profile.id, resource.id, 'cancel', job.jobId)}
          onResume={() => void controlCrawl(profile.id, resource.id, 'resume', job.jobId)}
          onRetryFailed={() => void controlCrawl(profile.id, resource.id, 'retry', job.jobId)}
        />
      )}
      {/* Keyed by the dataset: a list loaded again (or a kept copy opened) starts with no selection. */}
      {dataset?.info && !running && <DatasetView key={dataset.info.datasetId} profile={profile} resource={resource} job={job} info={dataset.info} values={values} gridRef={grid} />}
      {resource.id === RECORDINGS && <DownloadsPanel returnFocusTo={gridElement} />}
    </div>
  )
}

interface DatasetViewProps {
  profile: ProfileView
  resource: BrowseResource
  job: JobProgress | undefined
  info: DatasetInfo
  /** The form's values, for what to try when the load found nothing. */
  values: ParamValues
  /** Set to the grid's focusable element. */
  gridRef: React.RefObject<HTMLDivElement | null>
}

function DatasetView({ profile, resource, job, info, values, gridRef: grid }: DatasetViewProps) {
  const { datasetId, rows: rowsInDataset, availableColumns, defaultColumns } = info
  const view = useStore((s) => s.gridViews[datasetId]) ?? EMPTY_GRID_VIEW
  const setGridView = useStore((s) => s.setGridView)
  const exportToFile = useStore((s) => s.exportToFile)
  const enqueue = useStore((s) => s.enqueueDownloads)
  const openForUser = useStore((s) => s.openForUser)
  const openListWith = useStore((s) => s.openListWith)
  const rows = useRowWindows(datasetId, view, rowsInDataset)
  const [detail, setDetail] = useState<number>()
  const itemLists = itemListsOf(resource.id)
  const csvSeparator = useStore((s) => s.settings?.csvSeparator)
  const excelCsvSeparator = useStore((s) => s.settings?.excelCsvSeparator)
  const locale = useStore((s) => s.appInfo?.locale)
  const exportSeparators = { csv: csvSeparator ?? defaultSeparator(false, locale), excel: excelCsvSeparator ?? defaultSeparator(true, locale) }
  const exporting = useStore((s) => s.exporting[datasetId] === true)
  const exportProgress = useStore((s) => s.exportProgress[datasetId])
  const cancelExport = useStore((s) => s.cancelExport)
  // Export is disabled while its file is written: focus comes back to it when that ends.
  const exportButton = useFocusReturn<HTMLButtonElement>(exporting, true)
  const filterInput = useRef<HTMLInputElement>(null)
  const [selection, setSelection] = useState<ReadonlySet<number>>(new Set())
  /** Recordings' selection also downloads their files; every list's selection can be exported. */
  const downloadable = resource.id === RECORDINGS
  const [downloadChoice, setDownloadChoice] = useState<DownloadChoice>(ALL_FILES)

  const onSort = useCallback(
    (column: string) => {
      const current = view.sort?.column === column ? view.sort.direction : undefined
      // asc → desc → unsorted, so the original order is one more click away.
      setGridView(datasetId, { sort: current === undefined ? { column, direction: 'asc' } : current === 'asc' ? { column, direction: 'desc' } : undefined })
    },
    [view.sort, setGridView, datasetId],
  )
  const onFilter = useCallback((filterText: string) => setGridView(datasetId, { filterText }), [setGridView, datasetId])
  const shownColumns = view.columns ?? (rows.columns.length > 0 ? rows.columns : defaultColumns)
  const [exportFormat, setExportFormat] = useState<ExportFormat>()
  const countSelectedShown = useStore((s) => s.countSelectedShown)
  const [hiddenSelected, setHiddenSelected] = useState<number>()
  const exportOpening = useRef(0)
  /** The dialog says which selected rows the filter hides, so main counts them as it opens (neither changes while it is open). */
  const openExport = (format: ExportFormat) => {
    const opening = ++exportOpening.current
    setHiddenSelected(undefined)
    setExportFormat(format)
    if (selection.size === 0) return
    const selected = [...selection]
    void countSelectedShown(datasetId, selected).then(
      (shown) => opening === exportOpening.current && setHiddenSelected(selected.length - shown),
      // Not known: the dialog says nothing rather than guess.
      () => undefined,
    )
  }
  const toggle = useCallback(
    (index: number) =>
      setSelection((s) => {
        // Past the bound the bridge would refuse the whole selection (export and download alike):
        // a row ticked once it is full is not added, and the count says why.
        if (!s.has(index) && s.size >= MAX_SELECTED_ROWS) return s
        const next = new Set(s)
        if (next.has(index)) next.delete(index)
        else next.add(index)
        return next
      }),
    [],
  )
  const selectAllRows = useStore((s) => s.selectAllRows)
  const selectingAll = useStore((s) => s.selectingAll[datasetId] === true)
  // Disabled while main gathers the rows: focus comes back to it when they are selected.
  const selectAllButton = useFocusReturn<HTMLButtonElement>(selectingAll)
  /** Every row the filter shows (main answers with their dataset indexes), not only the loaded ones. */
  const selectAll = async () => {
    const indexes = await selectAllRows(datasetId)
    if (indexes) setSelection(new Set(indexes))
  }
  const download = async () => {
    if (await enqueue(datasetId, [...selection], { fileKinds: downloadChoice.kinds, trashAfterVerified: downloadChoice.trashAfterVerified })) {
      setSelection(new Set())
      // The cleared selection disables "Download selected": focus goes on to the downloads' progress.
      requestAnimationFrame(() => {
        if (focusIsLost() || document.activeElement?.hasAttribute('disabled')) document.getElementById('downloads-title')?.closest<HTMLElement>('section')?.focus()
      })
    }
  }

  return (
    <>
      {resource.id === DAILY_REPORT && <DailyUsageChart datasetId={datasetId} rows={rowsInDataset} />}
      <GridToolbar
        resource={resource}
        filterText={view.filterText}
        onFilter={onFilter}
        shown={rows.total}
        total={rows.datasetTotal}
        columns={shownColumns}
        availableColumns={availableColumns}
        onColumns={(columns) => setGridView(datasetId, { columns })}
        onExport={openExport}
        exporting={exporting}
        exportProgress={exportProgress}
        onCancelExport={() => cancelExport(datasetId)}
        exportButtonRef={exportButton}
        filterInputRef={filterInput}
      />
      <EmptyFilters
        resource={resource}
        columns={shownColumns}
        empty={view.empty}
        onChange={(empty) => setGridView(datasetId, { empty })}
      />
      <ExportDialog
        format={exportFormat}
        onClose={() => setExportFormat(undefined)}
        onExport={(choice, selectedOnly) => void exportToFile(datasetId, selectedOnly ? { ...choice, rowIndexes: [...selection] } : choice)}
        rows={rows.total}
        filtered={gridQuery(view).filter !== undefined}
        selected={selection.size}
        hiddenSelected={hiddenSelected}
        missing={incompleteness(info, job)}
        separators={exportSeparators}
        returnFocusTo={() => exportButton.current}
      />
      {rowsInDataset === 0 && info.complete && <EmptyListNote resource={resource} values={values} />}
      {rows.total === 0 && view.filterText.trim() !== '' && (
        <div className="callout callout-row" role="status">
          <span>
            No rows match “{view.filterText.trim()}” in any column of the {formatCount(rows.datasetTotal ?? 0)} loaded.
          </span>
          <span className="spacer" />
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              onFilter('')
              // The button goes with the filter it clears: focus goes to the field for the next search.
              filterInput.current?.focus()
            }}
          >
            Clear filter
          </button>
        </div>
      )}
      <div className="row">
        {/* A status: Space, Select all and Clear selection change nothing else a screen reader reads out. */}
        <span className="muted" role="status">
          {selection.size >= MAX_SELECTED_ROWS
            ? `${formatCount(selection.size)} selected (the most one selection holds: clear some rows to select others)`
            : selection.size > 0
              ? `${formatCount(selection.size)} selected`
              : `Select ${downloadable ? 'recordings' : 'rows'} with the checkboxes or Space.`}
        </span>
        {(rows.total ?? 0) > MAX_SELECTED_ROWS ? (
          <span className="muted">Filter to {formatCount(MAX_SELECTED_ROWS)} rows or fewer to select them all.</span>
        ) : (
          <button ref={selectAllButton} type="button" className="btn btn-small" disabled={selectingAll || !rows.total} onClick={() => void selectAll()}>
            {selectingAll ? 'Selecting…' : `Select all ${formatCount(rows.total ?? 0)}`}
          </button>
        )}
        {downloadable && (
          <button type="button" className="btn btn-small btn-primary" disabled={selection.size === 0 || downloadChoice.kinds.length === 0} onClick={() => void download()}>
            Download selected
          </button>
        )}
        {selection.size > 0 && (
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => {
              setSelection(new Set())
              // The button goes with the selection it clears: focus goes back to the grid, where rows are selected.
              grid.current?.focus()
            }}
          >
            Clear selection
          </button>
        )}
      </div>
      {downloadable && <DownloadChoices choice={downloadChoice} onChange={setDownloadChoice} />}
      <DataGrid resource={resource} rows={rows} view={view} onSort={onSort} onOpen={setDetail} label={resource.title} gridRef={grid} selection={selection} onToggle={toggle} />
      <DetailDrawer
        datasetId={datasetId}
        index={detail}
        title={`${resource.title.replace(/s$/, '')} details`}
        onClose={() => setDetail(undefined)}
        columns={resource.defaultColumns}
        {...(resource.id === USERS
          ? {
              onOpenForUser: (target: string, user: TargetUser) => {
                setDetail(undefined)
                openForUser(profile.id, target, user)
              },
            }
          : {})}
        {...(itemLists
          ? {
              itemLists,
              onOpenList: (list: string, pathValues: Record<string, string>) => {
                setDetail(undefined)
                openListWith(profile.id, list, pathValues, `a ${itemLists.noun}’s details in ${resource.title}`)
              },
            }
          : {})}
      />
    </>
  )
}
