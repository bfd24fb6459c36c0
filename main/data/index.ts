// The data side of main: crawl jobs, in-memory datasets, exports, and the recording download
// queue, with the handlers of the data.* and downloads.* channels.
//
// For main/core.ts:
//
//   const zoomPorts = createZoomDataPorts(zoomClients)            // main/data/zoom-adapter.ts
//   const data = createDataServices({
//     ...zoomPorts,                        // pages, downloads, details, rateUsage
//     dialogs: adapters.dialogs,           // chooseSaveFile (exports), chooseFolder (downloads)
//     shell: adapters.shell,               // openPath (downloads.openFolder)
//     events: adapters.events,             // 'data.job', 'downloads.changed'
//     settings: () => settingsStore.get(), // downloadConcurrency, downloadFolder (sync or async)
//     log: adapters.log,
//     clock: adapters.clock, scheduler: adapters.scheduler,   // optional
//   })
//   handlers = { ...handlers, ...data.handlers }                 // every data.* and downloads.* channel
//   on quit: await data.shutdown()        // cancels crawls, stops downloads keeping .part files,
//                                          // closes datasets (temporary files deleted)
//
// Datasets are SQLite files in <dataDir>/datasets (datasets/store/): temporary ones are deleted
// when closed and at start-up; the ones the person keeps stay until they expire or are cleared.
import type { HandlersFor } from '../ipc/types'
import { createDataHandlers } from '../ipc/handlers/data'
import { createDownloadHandlers } from '../ipc/handlers/downloads'
import { createLogger, type LogSink } from '../log/logger'
import { type Clock, type DialogPort, type EventSink, type Scheduler, type ShellPort, systemClock, systemScheduler } from '../ports'
import { DownloadQueue, type DownloadSettings } from '../downloads/download-queue'
import { join } from 'node:path'
import { KEPT_DATASET_DAYS } from '../../common/contract/settings'
import { defaultBackend } from './datasets/dataset'
import { DatasetStore, MAX_OPEN_DATASETS } from './datasets/dataset-store'
import { DatasetEngine } from './datasets/store/dataset-engine'
import { DatasetFiles } from './datasets/store/dataset-files'
import { JobManager } from './jobs/job-manager'
import type { DetailSource, DownloadSource, PageSource, RateUsageSource } from './ports'
import { UserDirectory } from './users/user-directory'
import type { CrawlRetryPolicy } from './jobs/unit-retry'

export interface DataServicesDeps {
  pages: PageSource
  downloads: DownloadSource
  details: DetailSource
  rateUsage: RateUsageSource
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
  handlers: HandlersFor<'data'> & HandlersFor<'downloads'>
  /** Cancels running crawls, stops downloads (their .part files stay for a resume) and closes datasets. */
  shutdown(): Promise<void>
}

export function createDataServices(deps: DataServicesDeps): DataServices {
  const clock = deps.clock ?? systemClock
  const scheduler = deps.scheduler ?? systemScheduler
  const options = deps.options ?? {}
  // A dataset closed to make room for a new one takes its running crawl with it.
  const backend = deps.dataDir ? { engine: new DatasetEngine(deps.datasetWorker), files: new DatasetFiles(join(deps.dataDir, 'datasets')) } : defaultBackend()
  const datasets = new DatasetStore(MAX_OPEN_DATASETS, (dataset) => jobs.cancelForDataset(dataset.id), backend)
  const keptDatasetDays = deps.keptDatasetDays ?? (() => KEPT_DATASET_DAYS.default)
  // At start-up: what a previous run left in the temporary folder goes, and expired kept datasets with it.
  void datasets
    .start()
    .then(() => datasets.expire(keptDatasetDays(), clock.now()))
    .catch((error: unknown) => createLogger(deps.log, 'data').warn('cleaning the datasets folder failed', { error }))
  const users = new UserDirectory(datasets, deps.details)
  const jobs: JobManager = new JobManager({
    users,
    ...(options.crawlRetry ? { retry: options.crawlRetry } : {}),
    pages: deps.pages,
    datasets,
    events: deps.events,
    clock,
    scheduler,
    log: createLogger(deps.log, 'data'),
    ...(options.crawlConcurrency !== undefined ? { concurrency: options.crawlConcurrency } : {}),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
  })
  const downloads = new DownloadQueue({
    source: deps.downloads,
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
    handlers: {
      ...createDataHandlers({ jobs, datasets, details: deps.details, rateUsage: deps.rateUsage, dialogs: deps.dialogs, clock, users, keptDatasetDays }),
      ...createDownloadHandlers(downloads),
    },
    async shutdown() {
      jobs.cancelAll()
      await downloads.shutdown()
      await datasets.shutdown()
    },
  }
}

export { createZoomDataPorts, type ZoomDataPorts } from './zoom-adapter'
export type { DetailSource, DownloadSource, PageSource, RateUsageSource } from './ports'
export type { DownloadSettings } from '../downloads/download-queue'
