// Crawl jobs: data.crawl starts one and answers at once with its first progress; progress is
// pushed as 'data.job' events (throttled; state changes at once).
import { randomUUID } from 'node:crypto'
import type { CrawlInput, JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { ApiCatalog } from '../../../common/zoom/api/types'
import { listSpecFor, type ListSpec } from '../../../common/zoom/browse/list-spec'
import { ACCOUNT_WIDE_LISTS, listPathOf } from '../../../common/zoom/browse/names'
import { pathsToPlan } from '../../../common/zoom/browse/fan-out'
import { SCHEMA_DEFAULT_COLUMNS, schemaColumns } from '../../../common/zoom/browse/columns'
import type { ScopeLevel } from '../../../common/zoom/scopes'
import type { Logger } from '../../log/logger'
import type { Clock, EventSink, Scheduler } from '../../ports'
import type { ZoomClients } from '../../zoom'
import type { DatasetResource } from '../datasets/dataset'
import type { DatasetStore } from '../datasets/dataset-store'
import { throttle } from '../throttle'
import { CrawlJob } from './crawl-job'
import { planCrawl, type CrawlPlan, type QueryParams } from './crawl-plan'
import { checkGrant } from './scope-check'
import type { UserDirectory } from '../users/user-directory'
import type { CrawlRetryPolicy } from './unit-retry'

/** Zoom's API catalog as main has it: the one built, or the part of it a crawl needs. */
export interface CatalogSource {
  /** The whole catalog once built; undefined before. */
  readonly loaded: ApiCatalog | undefined
  /**
   * A catalog holding at least the GETs at `paths` that Zoom's files describe (the products they
   * are in, read from their own files, not every file).
   */
  catalogFor(paths: readonly string[]): Promise<Pick<ApiCatalog, 'gets'>>
}

/** What the profile's grant is: its app type's scope level and the scopes Zoom granted (undefined: not known). */
export type GrantOf = (profileId: string) => { level: ScopeLevel; granted: readonly string[] | undefined }

export interface JobManagerDeps {
  zoom: Pick<ZoomClients, 'forProfile'>
  datasets: DatasetStore
  events: EventSink
  clock: Clock
  scheduler: Scheduler
  log: Logger
  /** Zoom's OpenAPI files; without it only the built-in lists can be crawled. */
  apiCatalog?: CatalogSource
  /** Checks the grant before crawling and words 403s for the app type. */
  grant?: GrantOf
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
  resource: string
  params: QueryParams
  users?: CrawlInput['users']
}

/**
 * What a dataset of a crawl knows about its list: its name, row identity, columns. The name is the
 * list asked for (`users: 'account'` asks for a per-user list and gets its account-wide listing's
 * rows, which are the same rows: the dataset and its progress keep the name asked for).
 */
function datasetResource(plan: CrawlPlan, asked: string): DatasetResource & { title: string } {
  const { spec } = plan
  // A fan-out over parent rows may list the same child under two parents (a user in two call
  // queues): those rows are kept, each with its parent's value, rather than merged by id.
  // A report of totals per period has one row per host and month asked: none of them is a repeat.
  const idKeys = (plan.fanOut.length > 0 && !spec.curated) || spec.dateWindow?.periodTotals ? [] : spec.idKeys
  // Our curated columns where we have them; else the item schema's first columns, nested objects flattened.
  const defaultColumns = spec.defaultColumns.length > 0 ? spec.defaultColumns : schemaColumns(spec.itemProperties).slice(0, SCHEMA_DEFAULT_COLUMNS)
  return { id: asked, title: spec.title, idKeys, defaultColumns }
}

/** `users: 'account'` names the account-wide listing of a per-user list: that list, with the same parameters. */
function accountWide(path: string, input: StartCrawl): StartCrawl {
  const list = input.users === 'account' ? ACCOUNT_WIDE_LISTS.get(path) : undefined
  if (list === undefined) return input
  const { users: _users, ...rest } = input
  return { ...rest, resource: list }
}

export class JobManager {
  private readonly jobs = new Map<string, CrawlJob>()

  constructor(private readonly deps: JobManagerDeps) {}

  /** Starts a crawl: the list named by path template (or a built-in alias), its parameters checked once here. */
  async crawl(input: StartCrawl): Promise<JobProgress> {
    const asked = listPathOf(input.resource) ?? input.resource
    const request = accountWide(asked, input)
    const catalog = await this.catalogFor(request.resource)
    const plan = planCrawl(request, catalog, this.deps.clock.now())
    const usersList = listSpecFor('/users', catalog) as ListSpec
    this.checkScopes(input.profileId, plan, usersList)
    const dataset = this.deps.datasets.create(input.profileId, datasetResource(plan, asked), this.deps.clock.now())
    const id = randomUUID()
    const progressEvents = throttle(() => this.deps.events.emit('data.job', job.snapshot()), this.deps.progressIntervalMs ?? 250, this.deps.clock, this.deps.scheduler)
    const job: CrawlJob = new CrawlJob(id, dataset, plan, {
      zoom: this.deps.zoom,
      usersList,
      ...(this.deps.grant ? { scopeLevel: (profileId: string) => (this.deps.grant as GrantOf)(profileId).level } : {}),
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

  /**
   * The catalog a crawl is planned with. The built-in lists never wait for Zoom's files (they work
   * before the files were ever fetched); any other list waits for the files that describe it and
   * the parents it may fan out over, not for the whole catalog.
   */
  private async catalogFor(resource: string): Promise<Pick<ApiCatalog, 'gets'> | undefined> {
    const source = this.deps.apiCatalog
    if (!source) return undefined
    if (source.loaded) return source.loaded
    const path = listPathOf(resource)
    if (path !== undefined && listSpecFor(path, undefined)) return undefined
    return source.catalogFor(path === undefined ? [] : pathsToPlan(path))
  }

  /** The grant must reach the list and every list its fan-out goes over. */
  private checkScopes(profileId: string, plan: CrawlPlan, usersList: ListSpec): void {
    if (!this.deps.grant) return
    let grant
    try {
      grant = this.deps.grant(profileId)
    } catch {
      // An unknown profile fails with its own error when the client is built.
      return
    }
    const parents = [...(plan.users?.kind === 'all' ? [usersList] : []), ...plan.fanOut.map((step) => step.parentSpec)]
    checkGrant([plan.spec, ...parents], grant.granted, grant.level)
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
