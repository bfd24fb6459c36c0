// The data side of main: crawl jobs, in-memory datasets, exports, and the recording download
// queue. Their data.* and downloads.* handlers are built by main/core.ts, the composition root.
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
//     clock: adapters.clock, scheduler: adapters.scheduler,   // optional
//   })
//   on quit: await data.shutdown()        // cancels crawls, stops downloads keeping .part files
//
// Datasets are never persisted; they live until data.closeDataset or the end of the app.
import { createLogger, type LogSink } from '../log/logger'
import { type Clock, type DialogPort, type EventSink, type Scheduler, type ShellPort, systemClock, systemScheduler } from '../ports'
import { DownloadQueue, type DownloadSettings } from '../downloads/download-queue'
import { DatasetStore, MAX_OPEN_DATASETS } from './datasets/dataset-store'
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
  /** Pages of the list a path parameter's values come from, for the path-value picker. */
  pathValues: PathValues
  /** Cancels running crawls and stops downloads (their .part files stay for a resume). */
  shutdown(): Promise<void>
}

export function createDataServices(deps: DataServicesDeps): DataServices {
  const clock = deps.clock ?? systemClock
  const scheduler = deps.scheduler ?? systemScheduler
  const options = deps.options ?? {}
  // A dataset closed to make room for a new one takes its running crawl with it.
  const datasets = new DatasetStore(MAX_OPEN_DATASETS, (dataset) => jobs.cancelForDataset(dataset.id))
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
    pathValues,
    async shutdown() {
      jobs.cancelAll()
      await downloads.shutdown()
    },
  }
}

export type { DownloadSource } from '../downloads/source'
export type { CatalogSource, GrantOf } from './jobs/job-manager'
export type { DownloadSettings } from '../downloads/download-queue'
