// One crawl: fills a dataset from one list or a per-user fan-out, keeping JobProgress current.
// Rows already fetched are kept whatever happens (cancel, a unit's error, the list failing).
// A unit made of several lists (an expanded parameter: users of every status) sums their pages,
// rows and totals; the dataset drops a row another list already gave.
import type { JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { Logger } from '../../log/logger'
import type { Clock } from '../../ports'
import type { Dataset } from '../datasets/dataset'
import { isAbort, toAppError } from '../errors'
import type { PageSource, QueryParams } from '../ports'
import { type CrawlQueries, type CrawlUnit, type UserScope, withWindow } from './crawl-units'
import { runPool } from './pool'

export interface CrawlJobDeps {
  pages: PageSource
  clock: Clock
  log: Logger
  concurrency: number
  /** Called after every change of `progress`; the manager throttles and emits. */
  changed(stateChanged: boolean): void
}

export class CrawlJob {
  readonly progress: JobProgress
  private readonly controller = new AbortController()

  constructor(
    readonly id: string,
    readonly dataset: Dataset,
    private readonly queries: CrawlQueries,
    private readonly scope: UserScope | undefined,
    private readonly deps: CrawlJobDeps,
  ) {
    this.progress = {
      jobId: id,
      datasetId: dataset.id,
      profileId: dataset.profileId,
      resource: dataset.resource.id,
      state: 'running',
      pages: 0,
      rows: 0,
      rateLimitWaits: 0,
      errors: [],
      startedAt: deps.clock.now(),
    }
  }

  get running(): boolean {
    return this.progress.state === 'running'
  }

  snapshot(): JobProgress {
    return { ...this.progress, errors: [...this.progress.errors] }
  }

  private finishedPromise: Promise<void> | undefined

  /** Starts the crawl once; the promise settles when it has finished (never rejects). */
  start(): Promise<void> {
    this.finishedPromise ??= this.run()
    return this.finishedPromise
  }

  private async run(): Promise<void> {
    try {
      if (!this.scope) {
        // The whole crawl is one unit: its lists run side by side (the client's limiter paces them).
        await this.fetchUnit({ label: this.dataset.resource.id }, this.deps.concurrency, true)
      } else {
        const units = this.scope.kind === 'all' ? await this.listUsers() : this.scope.users
        this.progress.unitsTotal = units.length
        this.progress.unitsDone = 0
        this.deps.changed(false)
        await runPool(units, this.deps.concurrency, this.controller.signal, async (unit) => {
          // Units already run side by side; a unit's own lists go one after another.
          const failed = await this.fetchUnit(unit, 1, false)
          // A unit cut short by cancel is not done; a failed one is (its error is recorded).
          if (failed || !this.controller.signal.aborted) this.progress.unitsDone = (this.progress.unitsDone ?? 0) + 1
          this.deps.changed(false)
        })
        const first = this.progress.errors[0]?.error
        if (first && this.progress.errors.length === units.length) throw new AppError(first.code, `Every user failed. ${first.message}`, first.details)
      }
      this.finish('done')
    } catch (error) {
      if (isAbort(error, this.controller.signal)) this.finish('cancelled')
      else {
        this.progress.error = toAppError(error, { message: 'The list could not be loaded' }).toBridge()
        this.deps.log.warn('crawl failed', { jobId: this.id, resource: this.dataset.resource.id, code: this.progress.error.code })
        this.finish('failed')
      }
    }
  }

  cancel(): void {
    if (!this.running) return
    this.controller.abort(new AppError('CANCELLED', 'Cancelled.'))
    this.finish('cancelled')
  }

  private finish(state: JobProgress['state']): void {
    if (!this.running) return
    this.progress.state = state
    this.progress.finishedAt = this.deps.clock.now()
    this.dataset.seal()
    this.progress.rows = this.dataset.rows.length
    this.deps.changed(true)
  }

  /** Fan-out to all users: the account's users list first (its failure fails the job). */
  private async listUsers(): Promise<CrawlUnit[]> {
    const seen = new Set<string>()
    const units: CrawlUnit[] = []
    for await (const page of this.deps.pages.pages({ profileId: this.dataset.profileId, resource: 'users', params: {}, signal: this.controller.signal })) {
      this.countPage(page.rateLimitWaits)
      for (const user of page.items) {
        const { id, email } = (user ?? {}) as { id?: unknown; email?: unknown }
        if (typeof id !== 'string' || id === '' || seen.has(id)) continue
        seen.add(id)
        if (typeof email === 'string' && email !== '') this.dataset.hostEmails.set(id, email)
        units.push({ label: typeof email === 'string' && email !== '' ? email : id, userId: id })
      }
      this.deps.changed(false)
    }
    return units
  }

  /** Returns true when the unit failed (its error is recorded unless `rethrow`). */
  private async fetchUnit(unit: CrawlUnit, concurrency: number, rethrow: boolean): Promise<boolean> {
    // One list failing stops the unit's other lists, without that counting as a cancel.
    const unitController = new AbortController()
    const signal = AbortSignal.any([this.controller.signal, unitController.signal])
    let failure: unknown
    try {
      await runPool(this.queries.lists, concurrency, signal, async (list) => {
        try {
          await this.fetchList(unit, { ...this.queries.params, ...list }, signal)
        } catch (error) {
          failure ??= error
          unitController.abort(error)
          throw error
        }
      })
      return false
    } catch (thrown) {
      const error = failure ?? thrown
      if (rethrow || isAbort(error, this.controller.signal)) throw error
      const appError = toAppError(error, { message: `Could not load ${unit.label}` })
      this.progress.errors.push({ unit: unit.label, error: appError.toBridge() })
      this.deps.log.info('crawl unit failed', { jobId: this.id, code: appError.code })
      return true
    }
  }

  /** One list of a unit, window by window; each listing's total is added once, from its first page. */
  private async fetchList(unit: CrawlUnit, params: QueryParams, signal: AbortSignal): Promise<void> {
    for (const window of this.queries.windows) {
      let first = true
      const request = { profileId: this.dataset.profileId, resource: this.dataset.resource.id, userId: unit.userId, params: withWindow(this.dataset.resource, params, window), signal }
      for await (const page of this.deps.pages.pages(request)) {
        if (!this.running) return
        if (first && page.totalRecords !== undefined) this.progress.totalRecords = (this.progress.totalRecords ?? 0) + page.totalRecords
        first = false
        this.dataset.add(page.items)
        this.countPage(page.rateLimitWaits)
        this.deps.changed(false)
      }
    }
  }

  private countPage(rateLimitWaits = 0): void {
    this.progress.pages++
    this.progress.rateLimitWaits += rateLimitWaits
    this.progress.rows = this.dataset.rows.length
  }
}
