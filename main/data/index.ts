// The data side of main: crawl jobs, datasets (SQLite files, queried in a worker thread), exports,
// and the recording download queue. Their data.* and downloads.* handlers are built by main/core.ts.
//
// For main/core.ts:
//
//   const data = createDataServices({
//     zoom,                                // the Zoom clients: crawls, details, downloads and rate usage call them directly
//     apiCatalog,                          // Zoom's OpenAPI files: any GET list by path template (optional)
//     grant: (profileId) => ({ level, granted }),   // scope check before a crawl (optional)
//     dialogs: adapters.dialogs,           // chooseSaveFile (exports), chooseFolder (downloads)
//     shell: adapters.shell,               // openPath (downloads.openFolder)
//     events: adapters.events,             // 'data.job', 'downloads.changed'
//     settings: () => settingsStore.get(), // downloadConcurrency, downloadFolder, downloadStallSeconds (sync or async)
//     log: adapters.log,
//     dataDir: adapters.dataDir, datasetWorker, keptDatasetDays: () => settings.keptDatasetDays,
//     clock: adapters.clock, scheduler: adapters.scheduler,   // optional
//   })
//   on quit: await data.shutdown()        // cancels crawls, stops downloads keeping .part files,
//                                          // closes datasets (temporary files deleted)
//
// Datasets are SQLite files in <dataDir>/datasets (datasets/store/): temporary ones are deleted
// when closed and at start-up; the ones the person keeps stay until they expire or are cleared.
import { createLogger, type LogSink } from '../log/logger'
import { type Clock, type DialogPort, type EventSink, type Scheduler, type ShellPort, systemClock, systemScheduler } from '../ports'
import { fileLedger } from '../downloads/download-ledger'
import { DownloadQueue, type DownloadSettings } from '../downloads/download-queue'
import { join } from 'node:path'
import { KEPT_DATASET_DAYS } from '../../common/contract/settings'
import type { StoreProblem } from '../../common/contract/app'
import type { SetAsideCopies } from '../store'
import { defaultBackend } from './datasets/dataset'
import { DatasetStore, MAX_OPEN_DATASETS } from './datasets/dataset-store'
import { DatasetEngine } from './datasets/store/dataset-engine'
import { DatasetFiles } from './datasets/store/dataset-files'
import { JobManager } from './jobs/job-manager'
import { UserDirectory } from './users/user-directory'
import { PathValues } from './pick/path-values'
import type { CrawlRetryPolicy } from './jobs/unit-retry'
import type { ZoomClients } from '../zoom'
import { detailFetcher } from './details'
import { type CatalogSource, type GrantOf } from './jobs/job-manager'
import { type DownloadSource, zoomDownloadSource } from '../downloads/source'

export interface DataServicesDeps {
  zoom: Pick<ZoomClients, 'forProfile' | 'rateUsage'>
  apiCatalog?: CatalogSource
  grant?: GrantOf
  /** Where recording files come from; default the profile's Zoom client. */
  downloads?: DownloadSource
  dialogs: DialogPort
  shell: ShellPort
  events: EventSink
  settings: () => DownloadSettings | Promise<DownloadSettings>
  log: LogSink
  /** The app's data folder: datasets live in its `datasets/` (absent: a temporary folder of this process). */
  dataDir?: string
  /** The dataset worker's script (main/index.ts gives the built one). */
  datasetWorker?: URL
  /** Days after its crawl that a kept dataset is deleted (Settings). */
  keptDatasetDays?: () => number
  /** Told of a kept file set aside because it could not be read (shown with the app's other file problems). */
  onProblem?: (problem: StoreProblem) => void
  /** Set-aside copies of other documents holding Zoom data, deleted with the kept lists' expiry. */
  expiringCopies?: Pick<SetAsideCopies, 'expire'>
  clock?: Clock
  scheduler?: Scheduler
  /** Tuning, mostly for tests. */
  options?: {
    /** Users crawled at once in a fan-out (default 6). */
    crawlConcurrency?: number
    /** How crawls retry units and wait out an outage. */
    crawlRetry?: Partial<CrawlRetryPolicy>
    progressIntervalMs?: number
    stallTimeoutMs?: number
    downloadAttempts?: number
    retryDelayMs?: number
  }
}

export interface DataServices {
  datasets: DatasetStore
  jobs: JobManager
  downloads: DownloadQueue
  /** The users lists a crawl or the one-user type-ahead looks users up in. */
  users: UserDirectory
  /** One object (a user, a meeting, …) for the detail drawer. */
  detail: ReturnType<typeof detailFetcher>
  /** Days after its crawl that a kept dataset is deleted (Settings). */
  keptDatasetDays: () => number
  /** Pages of the list a path parameter's values come from, for the path-value picker. */
  pathValues: PathValues
  /** Cancels running crawls, stops downloads (their .part files stay for a resume) and closes datasets. */
  shutdown(): Promise<void>
}

export function createDataServices(deps: DataServicesDeps): DataServices {
  const clock = deps.clock ?? systemClock
  const scheduler = deps.scheduler ?? systemScheduler
  const options = deps.options ?? {}
  // A dataset closed to make room for a new one takes its running crawl with it.
  const backend = deps.dataDir ? { engine: new DatasetEngine(deps.datasetWorker), files: new DatasetFiles(join(deps.dataDir, 'datasets')) } : defaultBackend()
  const datasets = new DatasetStore(MAX_OPEN_DATASETS, (dataset) => jobs.cancelForDataset(dataset.id), backend, deps.onProblem, deps.expiringCopies)
  const keptDatasetDays = deps.keptDatasetDays ?? (() => KEPT_DATASET_DAYS.default)
  // At start-up: what a previous run left in the temporary folder goes, and expired kept datasets with it.
  void datasets
    .start()
    .then(() => datasets.expire(keptDatasetDays(), clock.now()))
    .catch((error: unknown) => createLogger(deps.log, 'data').warn('cleaning the datasets folder failed', { error }))
  const scopeLevel = deps.grant ? (profileId: string) => (deps.grant as GrantOf)(profileId).level : undefined
  const detail = detailFetcher(deps.zoom, scopeLevel)
  const users = new UserDirectory(datasets, detail)
  const pathValues = new PathValues({ zoom: deps.zoom, ...(deps.apiCatalog ? { apiCatalog: deps.apiCatalog } : {}), ...(scopeLevel ? { scopeLevel } : {}) })
  const jobs: JobManager = new JobManager({
    users,
    ...(options.crawlRetry ? { retry: options.crawlRetry } : {}),
    zoom: deps.zoom,
    ...(deps.apiCatalog ? { apiCatalog: deps.apiCatalog } : {}),
    ...(deps.grant ? { grant: deps.grant } : {}),
    datasets,
    events: deps.events,
    clock,
    scheduler,
    log: createLogger(deps.log, 'data'),
    ...(options.crawlConcurrency !== undefined ? { concurrency: options.crawlConcurrency } : {}),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
  })
  const downloads = new DownloadQueue({
    source: deps.downloads ?? zoomDownloadSource(deps.zoom),
    datasets,
    dialogs: deps.dialogs,
    shell: deps.shell,
    events: deps.events,
    settings: deps.settings,
    clock,
    scheduler,
    log: createLogger(deps.log, 'downloads'),
    ...(deps.dataDir ? { ledger: fileLedger(deps.dataDir) } : {}),
    ...(options.stallTimeoutMs !== undefined ? { stallTimeoutMs: options.stallTimeoutMs } : {}),
    ...(options.downloadAttempts !== undefined ? { maxAttempts: options.downloadAttempts } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
  })
  return {
    datasets,
    jobs,
    downloads,
    users,
    detail,
    keptDatasetDays,
    pathValues,
    async shutdown() {
      jobs.cancelAll()
      await downloads.shutdown()
      await datasets.shutdown()
    },
  }
}

export type { DownloadSource } from '../downloads/source'
export type { CatalogSource, GrantOf } from './jobs/job-manager'
export type { DownloadSettings } from '../downloads/download-queue'
