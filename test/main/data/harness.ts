// Builds a JobManager over the Zoom client given, with in-memory fakes of the event sink and logger.
import type { EventMap } from '../../../common/contract/events'
import type { JobProgress } from '../../../common/contract/data'
import type { Dataset, DatasetResource } from '../../../main/data/datasets/dataset'
import { DatasetStore } from '../../../main/data/datasets/dataset-store'
import { JobManager } from '../../../main/data/jobs/job-manager'
import type { CrawlRetryPolicy } from '../../../main/data/jobs/unit-retry'
import type { UserDirectory } from '../../../main/data/users/user-directory'
import type { ZoomClients } from '../../../main/zoom'
import type { CatalogSource, GrantOf } from '../../../main/data/jobs/job-manager'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { type Clock, type EventSink, type Scheduler, systemClock, systemScheduler } from '../../../main/ports'

export interface RecordingSink extends EventSink {
  events: { name: keyof EventMap; payload: unknown }[]
  jobEvents(): JobProgress[]
}

export function recordingSink(): RecordingSink {
  const events: RecordingSink['events'] = []
  return {
    events,
    emit(name, payload) {
      events.push({ name, payload: structuredClone(payload) })
    },
    jobEvents: () => events.filter((e) => e.name === 'data.job').map((e) => e.payload as JobProgress),
  }
}

export interface JobHarnessOptions {
  concurrency?: number
  users?: UserDirectory
  retry?: Partial<CrawlRetryPolicy>
  apiCatalog?: CatalogSource
  grant?: GrantOf
  /** The crawl's clock and scheduler (retry waits, outage pauses, progress throttle); default the system's. */
  time?: Clock & Scheduler
  /** Least time between progress events (default 50 ms); 0 sends each change at once, setting no timer. */
  progressIntervalMs?: number
}

export function jobHarness(zoom: Pick<ZoomClients, 'forProfile'>, options: JobHarnessOptions = {}) {
  const events = recordingSink()
  const datasets = new DatasetStore()
  const logSink = memoryLogSink()
  const jobs = new JobManager({
    zoom,
    ...(options.apiCatalog ? { apiCatalog: options.apiCatalog } : {}),
    ...(options.grant ? { grant: options.grant } : {}),
    datasets,
    events,
    clock: options.time ?? systemClock,
    scheduler: options.time ?? systemScheduler,
    log: createLogger(logSink, 'data'),
    progressIntervalMs: options.progressIntervalMs ?? 50,
    // Unit retries wait 1 ms, not seconds: the tests are about what is retried, not how long.
    retry: { baseDelayMs: 1, maxDelayMs: 4, ...options.retry },
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
    ...(options.users ? { users: options.users } : {}),
  })
  /** Resolves with the final progress of a job (given by id, or as the crawl's answer). */
  const finished = async (job: string | Promise<JobProgress>) => {
    const jobId = typeof job === 'string' ? job : (await job).jobId
    await jobs.get(jobId).start()
    return jobs.get(jobId).snapshot()
  }
  return { jobs, datasets, events, logSink, finished }
}

/** Everything an async iterable yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = []
  for await (const item of items) all.push(item)
  return all
}

/** Every stored row of a dataset, in dataset order (the rows live in the dataset's database). */
export async function storedRows<T = unknown>(dataset: Dataset<DatasetResource>): Promise<T[]> {
  return (await collect(dataset.iterate(await dataset.view({})))) as T[]
}
