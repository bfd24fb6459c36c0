// Crawl jobs: data.crawl starts one and answers at once with its first progress; progress is
// pushed as 'data.job' events (throttled; state changes at once).
import { randomUUID } from 'node:crypto'
import type { CrawlInput, JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { Logger } from '../../log/logger'
import type { Clock, EventSink, Scheduler } from '../../ports'
import type { DatasetStore } from '../datasets/dataset-store'
import { listResource } from '../../../common/zoom/catalog'
import { validateResourceParams } from '../../../common/zoom/params'
import type { PageSource, QueryParams } from '../ports'
import { throttle } from '../throttle'
import { CrawlJob } from './crawl-job'
import { dateWindows, expandedLists, userScope } from './crawl-units'
import type { UserDirectory } from '../users/user-directory'
import type { CrawlRetryPolicy } from './unit-retry'

export interface JobManagerDeps {
  pages: PageSource
  datasets: DatasetStore
  events: EventSink
  clock: Clock
  scheduler: Scheduler
  log: Logger
  /** Users crawled at once in a fan-out (all under the client's rate limiter). */
  concurrency?: number
  progressIntervalMs?: number
  /** Resolves named users of a per-user crawl (e-mail or ID), for the host's e-mail. */
  users?: UserDirectory
  retry?: Partial<CrawlRetryPolicy>
}

const KEEP_FINISHED = 50

export interface StartCrawl {
  profileId: string
  resource: CrawlInput['resource']
  params: QueryParams
  users?: CrawlInput['users']
}

export class JobManager {
  private readonly jobs = new Map<string, CrawlJob>()

  constructor(private readonly deps: JobManagerDeps) {}

  crawl(input: StartCrawl): JobProgress {
    const resource = listResource(input.resource)
    const checked = validateResourceParams(resource, input.params, { now: this.deps.clock.now() })
    if (!checked.ok) throw new AppError('VALIDATION', checked.issues.map((issue) => issue.message).join('; '), { issues: checked.issues })
    const scope = userScope(resource, input.users, checked.query)
    const windows = dateWindows(resource, checked.query)
    const dataset = this.deps.datasets.create(input.profileId, resource, this.deps.clock.now())
    const id = randomUUID()
    const progressEvents = throttle(() => this.deps.events.emit('data.job', job.snapshot()), this.deps.progressIntervalMs ?? 250, this.deps.clock, this.deps.scheduler)
    const job: CrawlJob = new CrawlJob(id, dataset, { params: checked.query, lists: expandedLists(checked.expand), windows }, scope, {
      pages: this.deps.pages,
      clock: this.deps.clock,
      scheduler: this.deps.scheduler,
      log: this.deps.log,
      concurrency: this.deps.concurrency ?? 6,
      ...(this.deps.users ? { users: this.deps.users } : {}),
      ...(this.deps.retry ? { retry: this.deps.retry } : {}),
      changed: (stateChanged) => {
        if (!stateChanged) return progressEvents.request()
        // A state change goes out at once; a finished job sends nothing more until it is resumed.
        progressEvents.flush()
        if (!job.running) progressEvents.dispose()
      },
    })
    this.jobs.set(id, job)
    this.prune()
    const first = job.snapshot()
    void job.start()
    return first
  }

  cancel(jobId: string): JobProgress {
    const job = this.get(jobId)
    job.cancel()
    return job.snapshot()
  }

  /** Continues a stopped crawl where it stopped (pending and failed units), into its dataset. */
  resume(jobId: string): JobProgress {
    const job = this.get(jobId)
    if (!this.deps.datasets.has(job.dataset.id)) throw new AppError('NOT_FOUND', 'This list was closed. Load it again.')
    void job.resume()
    return job.snapshot()
  }

  /** Fetches the failed units of a crawl again ("Retry N failed"). */
  retryFailed(jobId: string): JobProgress {
    const job = this.get(jobId)
    if (!this.deps.datasets.has(job.dataset.id)) throw new AppError('NOT_FOUND', 'This list was closed. Load it again.')
    void job.retryFailed()
    return job.snapshot()
  }

  list(profileId?: string): JobProgress[] {
    return [...this.jobs.values()].filter((job) => profileId === undefined || job.progress.profileId === profileId).map((job) => job.snapshot())
  }

  /** Cancels the job filling a dataset (before the dataset is closed). */
  cancelForDataset(datasetId: string): void {
    for (const job of this.jobs.values()) if (job.dataset.id === datasetId) job.cancel()
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) job.cancel()
  }

  get(jobId: string): CrawlJob {
    const job = this.jobs.get(jobId)
    if (!job) throw new AppError('NOT_FOUND', 'This job no longer exists.')
    return job
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((job) => !job.running)
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id)
  }
}
