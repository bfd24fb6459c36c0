// One crawl: fills a dataset from one list or a fan-out (per user, or per row of a parent list),
// keeping JobProgress current. Pages come from the Zoom client itself (list-pages.ts).
// Rows already fetched are kept whatever happens (cancel, a unit's error, the list failing).
// A unit made of several lists (an expanded parameter: users of every status) sums their pages,
// rows and totals; the dataset drops a row another list already gave.
//
// Trouble is survived rather than reported user by user:
//   - a unit failing for a transient reason (network, timeout, 5xx) is tried again with backoff;
//   - several network errors in a row mean Zoom is unreachable: every unit waits (`paused`,
//     "retrying in N s") and the crawl goes on when a retry gets through, nothing skipped;
//   - Zoom's rate limit that the client could not wait out (a daily cap) stops the crawl; the
//     units not fetched stay pending, and `resume()` continues with them (as after Cancel);
//   - units that failed for good are listed, and `retryFailed()` fetches them again.
// A unit tried again (a retry, Resume, Retry failed) goes on where each of its listings stopped:
// a listing already complete is not asked again, and one cut short continues after its last page
// stored (the page cursor: Zoom's next_page_token, which lives 15 minutes and is replaced by a
// restart that skips the rows stored when it has expired; or the next page_number, since pages
// are positions and page 1 again would give its rows twice). Starting the unit over instead would
// store its first pages twice wherever rows have no id to drop them by (fanned-out lists keep
// every row: one member may be in two call queues).

import type { JobProgress } from '../../../common/contract/data'
import { AppError } from '../../../common/errors'
import type { Logger } from '../../log/logger'
import type { Clock, Scheduler } from '../../ports'
import type { Dataset, DatasetResource } from '../datasets/dataset'
import { isAbort, toAppError } from '../errors'
import type { UserDirectory } from '../users/user-directory'
import type { ZoomClients } from '../../zoom'
import type { ListSpec } from '../../../common/zoom/browse/list-spec'
import { nounOf, singularOf } from '../../../common/zoom/browse/fan-out'
import type { CrawlPlan, QueryParams } from './crawl-plan'
import { newPageCursor, type PageCursor } from '../../zoom'
import { inRowContext, type RowContext } from '../datasets/row-context'
import { type CrawlUnit, fieldValue, withWindow } from './crawl-units'
import { listPages } from './list-pages'
import { forAppType, type ScopeLevelOf } from './scope-check'
import { PageStore } from './page-store'
import { runPool } from './pool'
import { abortableSleep, type CrawlRetryPolicy, DEFAULT_CRAWL_RETRY, isNetworkFailure, isTransientFailure, missingPlanReason } from './unit-retry'
import { backoffDelay } from '../../zoom/retry'

export interface CrawlJobDeps {
  zoom: Pick<ZoomClients, 'forProfile'>
  /** The list of users a per-user fan-out goes over (`/users`). */
  usersList: ListSpec
  scopeLevel?: ScopeLevelOf
  clock: Clock
  scheduler: Scheduler
  log: Logger
  concurrency: number
  /** Resolves named users (e-mail or ID) so rows carry the host's e-mail; optional in tests. */
  users?: UserDirectory
  retry?: Partial<CrawlRetryPolicy>
  /** Called after every change of `progress`; the manager throttles and emits. */
  changed(stateChanged: boolean): void
}

export class CrawlJob {
  readonly progress: JobProgress
  private controller = new AbortController()
  private readonly retry: CrawlRetryPolicy
  /** Every unit of the crawl, once known (a fan-out over all users lists them first). */
  private units: CrawlUnit[] | undefined
  /** Units not fetched completely yet. */
  private readonly remaining = new Set<CrawlUnit>()
  /** Units that failed for good (two parent rows may share a name: a unit is not its label). */
  private readonly failed = new Set<CrawlUnit>()
  /** Each listing of a unit (unit, list, window) started: how far it got, whether its total_records was added. */
  private readonly listings = new Map<CrawlUnit, Map<string, Listing>>()
  /** Network errors in a row, across units: enough of them mean Zoom is unreachable (an outage). */
  private networkStreak = 0
  /** The units whose requests make up that run of errors. */
  private readonly streakUnits = new Set<CrawlUnit>()
  /** Units fetched whole so far: Zoom was reachable for each. */
  private unitsFetched = 0
  /**
   * Units set back to the end of the run because their own errors alone would have made an
   * outage, with the count of units fetched then: once Zoom has answered another unit since, the
   * unit's network errors are its own (a page that always times out), not an outage.
   */
  private readonly setBack = new Map<CrawlUnit, number>()
  /** This run's units, in order; a unit set back goes to its end. */
  private queue: CrawlUnit[] = []
  private outages = 0
  private outage: Promise<void> | undefined
  private retrying = 0
  /** Each run (start, resume, retry) has its own number: a superseded run never finishes the job. */
  private generation = 0
  private stopError: AppError | undefined
  /** A whole-account list (no fan-out) that failed for good: the job fails with its error. */
  private listFailure: AppError | undefined
  private finishedPromise: Promise<void> | undefined
  /** Several units (users, parent rows) rather than one list. */
  private readonly fanned: boolean

  private get scope() {
    return this.plan.users
  }

  private get queries() {
    return this.plan.queries
  }

  constructor(
    readonly id: string,
    readonly dataset: Dataset<DatasetResource>,
    private readonly plan: CrawlPlan,
    private readonly deps: CrawlJobDeps,
  ) {
    this.retry = { ...DEFAULT_CRAWL_RETRY, ...deps.retry }
    this.fanned = plan.users !== undefined || plan.fanOut.length > 0
    dataset.markLoading()
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

  /** Starts the crawl once; the promise settles when it has finished (never rejects). */
  start(): Promise<void> {
    this.finishedPromise ??= this.run(this.generation)
    return this.finishedPromise
  }

  /** Continues a stopped crawl with its pending and failed units, into the same dataset. */
  resume(): Promise<void> {
    return this.restart(true)
  }

  /** Fetches the failed units again, into the same dataset. */
  retryFailed(): Promise<void> {
    if (this.failed.size === 0) throw new AppError('CONFLICT', 'Nothing failed in this crawl.')
    return this.restart(false)
  }

  private restart(withPending: boolean): Promise<void> {
    if (this.running) throw new AppError('CONFLICT', 'This crawl is still running.')
    if (!withPending && this.failed.size === 0) throw new AppError('CONFLICT', 'Nothing failed in this crawl.')
    if (withPending && !this.isResumable()) throw new AppError('CONFLICT', 'This crawl has nothing left to fetch.')
    if (!withPending) {
      // Only the failed units run again: the pending ones stay pending for a later Resume, and
      // the crawl ends as it had (cancelled, or stopped with its error) if they are still there.
      if (this.remaining.size > 0) this.parkedEnd = this.progress.state === 'failed' && this.progress.error ? { error: this.progress.error } : {}
      for (const unit of this.remaining) this.parked.add(unit)
      this.remaining.clear()
    } else {
      for (const unit of this.parked) this.remaining.add(unit)
      this.parked.clear()
      this.parkedEnd = undefined
    }
    for (const unit of this.failed) this.remaining.add(unit)
    const labels = new Set([...this.failed].map((unit) => unit.label))
    this.progress.errors = this.progress.errors.filter((entry) => !labels.has(entry.unit))
    if (this.progress.unitsDone !== undefined) this.progress.unitsDone -= this.failed.size
    this.failed.clear()
    this.controller = new AbortController()
    this.stopError = undefined
    this.listFailure = undefined
    this.networkStreak = 0
    this.streakUnits.clear()
    this.setBack.clear()
    this.outages = 0
    this.outage = undefined
    this.progress.state = 'running'
    delete this.progress.error
    delete this.progress.finishedAt
    this.dataset.unseal()
    this.deps.changed(true)
    // The run that was cancelled or failed may still be finishing a page's store (whose failure
    // puts its listing's cursor back): the new run starts once it has ended.
    const generation = ++this.generation
    const previous = this.finishedPromise ?? Promise.resolve()
    this.finishedPromise = previous.then(() => this.run(generation))
    return this.finishedPromise
  }

  /** Pending units set aside while only the failed ones are retried. */
  private readonly parked = new Set<CrawlUnit>()
  /** How the crawl had ended when its pending units were set aside (with the stop's error, if any). */
  private parkedEnd: { error?: JobProgress['error'] } | undefined

  private isResumable(): boolean {
    return this.units === undefined || this.remaining.size > 0 || this.failed.size > 0 || this.parked.size > 0
  }

  private async run(generation: number): Promise<void> {
    const signal = this.controller.signal
    try {
      if (this.units === undefined) {
        const base = this.scope ? (this.scope.kind === 'all' ? await this.listUsers(signal) : this.scope.users) : [{ label: this.plan.fanOut.length > 0 ? '' : this.dataset.resource.id }]
        const units = this.plan.fanOut.length > 0 ? await this.listParents(base, signal) : base
        this.units = units
        for (const unit of units) this.remaining.add(unit)
        if (this.fanned) {
          this.progress.unitsTotal = units.length
          this.progress.unitsDone = 0
          this.progress.unitNoun = this.unitNoun()
        }
        this.deps.changed(false)
      }
      // A whole-account list is one unit whose lists run side by side (the client's limiter paces
      // them); a fan-out runs units side by side and each unit's lists one after another.
      this.queue = [...this.remaining]
      await runPool(this.queue, this.fanned ? this.deps.concurrency : 1, signal, (unit) => this.runUnit(unit, signal))
      if (generation !== this.generation) return
      if (this.stopError) throw this.stopError
      if (signal.aborted) throw signal.reason
      if (this.listFailure) throw this.listFailure
      const first = this.progress.errors[0]?.error
      if (first && this.progress.errors.length === this.units.length) throw new AppError(first.code, `Every user failed. ${first.message}`, first.details)
      // Only the failed units were retried: the units set aside are still not loaded.
      if (this.parked.size > 0 && this.parkedEnd) {
        if (this.parkedEnd.error) this.progress.error = this.parkedEnd.error
        return this.finish(this.parkedEnd.error ? 'failed' : 'cancelled', generation)
      }
      this.finish('done', generation)
    } catch (error) {
      if (generation !== this.generation) return
      if (!this.stopError && isAbort(error, signal)) this.finish('cancelled', generation)
      else {
        this.progress.error = toAppError(this.stopError ?? error, { message: 'The list could not be loaded' }).toBridge()
        this.deps.log.warn('crawl failed', { jobId: this.id, resource: this.dataset.resource.id, code: this.progress.error.code })
        this.finish('failed', generation)
      }
    } finally {
      // Cancel ends the job at once, while a page may still be being stored: its rows count
      // once that store has ended, and the job says so.
      if (generation === this.generation && !this.running && this.countedAfterEnd) this.deps.changed(true)
      this.countedAfterEnd = false
    }
  }

  cancel(): void {
    if (!this.running) return
    this.controller.abort(new AppError('CANCELLED', 'Cancelled.'))
    this.finish('cancelled', this.generation)
  }

  private finish(state: JobProgress['state'], generation: number): void {
    if (!this.running || generation !== this.generation) return
    this.progress.state = state
    this.progress.finishedAt = this.deps.clock.now()
    delete this.progress.paused
    delete this.progress.rateLimitedUntil
    this.retrying = 0
    delete this.progress.retryingUnits
    this.dataset.seal()
    this.progress.rows = this.dataset.rowCount
    const pending = this.remaining.size + this.parked.size
    this.progress.pendingUnits = this.units === undefined ? undefined : pending
    if (this.progress.pendingUnits === undefined) delete this.progress.pendingUnits
    this.progress.failedUnits = this.failed.size
    this.progress.resumable = state !== 'done' || this.failed.size > 0 ? this.isResumable() : false
    this.dataset.setCompleteness(this.missing(state))
    this.deps.changed(true)
  }

  /** What one unit of this crawl is, in the plural: the users, the rows of the innermost parent list, or lists. */
  private unitNoun(): string {
    if (this.scope) return 'users'
    return this.plan.fanOut.length > 0 ? nounOf(this.plan.fanOut.at(-1)?.parent ?? '') : 'lists'
  }

  /** What the dataset lacks, in words, for the export warning. */
  private missing(state: JobProgress['state']): string[] {
    const missing: string[] = []
    const noun = this.unitNoun()
    const pending = this.remaining.size + this.parked.size
    if (state === 'cancelled') missing.push(this.units === undefined ? 'The crawl was cancelled before it started.' : `Cancelled with ${pending} of ${this.units.length} ${noun} not loaded.`)
    else if (state === 'failed' && this.progress.error) missing.push(`Stopped: ${this.progress.error.message}${pending > 0 ? ` (${pending} ${noun} not loaded)` : ''}`)
    if (this.failed.size > 0) {
      const labels = [...this.failed].map((unit) => unit.label)
      missing.push(`${labels.length} ${labels.length === 1 ? singularOf(noun) : noun} failed: ${labels.slice(0, 5).join(', ')}${labels.length > 5 ? ', …' : ''}`)
    }
    return missing
  }

  /** Fan-out to all users: the account's users list first (its failure fails the job). */
  private async listUsers(signal: AbortSignal): Promise<CrawlUnit[]> {
    const seen = new Set<string>()
    const units: CrawlUnit[] = []
    for await (const page of this.pagesOf(this.deps.usersList, {}, {}, signal)) {
      this.countPage(page.rateLimitWaits)
      for (const user of page.items) {
        const { id, email } = (user ?? {}) as { id?: unknown; email?: unknown }
        if (typeof id !== 'string' || id === '' || seen.has(id)) continue
        seen.add(id)
        const known = typeof email === 'string' && email !== '' ? email : undefined
        if (known) this.dataset.hostEmails.set(id, known)
        units.push({ label: known ?? id, userId: id, ...(known ? { email: known } : {}) })
      }
      this.deps.changed(false)
    }
    return units
  }

  /**
   * Fan-out over parent lists: the outermost parent's rows first, then each one's children, until
   * every missing path parameter has a value. A parent list that fails fails the job.
   */
  private async listParents(base: CrawlUnit[], signal: AbortSignal): Promise<CrawlUnit[]> {
    let units = base
    for (const step of this.plan.fanOut) {
      const next: CrawlUnit[] = []
      for (const unit of units) {
        const seen = new Set<string>()
        const pathValues = { ...this.plan.pathValues, ...unit.pathValues, ...(unit.userId !== undefined ? { userId: unit.userId } : {}) }
        for await (const page of this.pagesOf(step.parentSpec, pathValues, {}, signal)) {
          this.countPage(page.rateLimitWaits)
          for (const row of page.items) {
            const value = fieldValue(row, step.field)
            if (value === undefined || seen.has(value)) continue
            seen.add(value)
            const name = rowName(row) ?? value
            next.push({ ...unit, label: unit.label ? `${unit.label} / ${name}` : name, pathValues: { ...unit.pathValues, [step.param]: value } })
          }
          this.deps.changed(false)
        }
      }
      units = next
    }
    return units
  }

  /** Pages of one listing, straight from the profile's Zoom client; a 403 names the scopes this app type can be granted. */
  private async *pagesOf(spec: ListSpec, pathValues: Record<string, string>, query: QueryParams, signal: AbortSignal, onRateLimitWait?: (untilMs: number) => void, cursor?: PageCursor, asBytes = false) {
    try {
      yield* listPages(this.deps.zoom.forProfile(this.dataset.profileId), spec, { pathValues, query, signal, ...(onRateLimitWait ? { onRateLimitWait } : {}), ...(cursor ? { cursor } : {}), asBytes })
    } catch (error) {
      throw forAppType(error, spec, this.deps.scopeLevel, this.dataset.profileId)
    }
  }

  /** One unit, retried while the failure is transient; the outcome is recorded in progress. */
  private async runUnit(unit: CrawlUnit, signal: AbortSignal): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.outage) await this.outage
      if (signal.aborted) return
      try {
        await this.resolveUnit(unit, signal)
        await this.fetchUnit(unit, signal)
        // A Cancel can end a unit without an error: a listing stops between its pages, and the
        // unit's lists not begun are never taken. The unit is not complete, and stays pending.
        if (signal.aborted) return
        this.networkStreak = 0
        this.streakUnits.clear()
        this.unitsFetched++
        this.outages = 0
        this.remaining.delete(unit)
        if (this.fanned) this.progress.unitsDone = (this.progress.unitsDone ?? 0) + 1
        this.deps.changed(false)
        return
      } catch (thrown) {
        // Cut short by Cancel or a stop: the unit stays pending for Resume.
        if (signal.aborted) return
        const error = toAppError(thrown, { message: this.fanned ? `Could not load ${unit.label}` : 'The list could not be loaded' })
        if (isNetworkFailure(error)) {
          const setBackAt = this.setBack.get(unit)
          // Set back once, and Zoom has answered another unit since: these errors are the unit's
          // own, retried and failed as any other (they say nothing of Zoom being down).
          if (setBackAt === undefined || this.unitsFetched === setBackAt) {
            this.networkStreak++
            this.streakUnits.add(unit)
            if (this.networkStreak >= this.retry.outageAfterErrors) {
              // Only this unit has failed: the others are tried before Zoom is called unreachable.
              if (this.streakUnits.size === 1 && setBackAt === undefined && this.othersPending(unit)) {
                this.setBack.set(unit, this.unitsFetched)
                this.queue.push(unit)
                return
              }
              this.enterOutage(signal)
              attempt = 0
              continue
            }
          }
        } else {
          this.networkStreak = 0
          this.streakUnits.clear()
        }
        if (error.code === 'ZOOM_RATE_LIMITED') return this.stop(error)
        const withoutPlan = this.fanned ? missingPlanReason(error) : undefined
        if (withoutPlan !== undefined) return this.settleWithoutPlan(unit, withoutPlan)
        if (isTransientFailure(error) && attempt < this.retry.attempts) {
          await this.backoff(attempt, signal)
          continue
        }
        this.remaining.delete(unit)
        this.failed.add(unit)
        if (this.fanned) this.progress.errors.push({ unit: unit.label, error: error.toBridge() })
        else this.listFailure = error
        if (this.fanned) this.progress.unitsDone = (this.progress.unitsDone ?? 0) + 1
        this.deps.log.info('crawl unit failed', { jobId: this.id, code: error.code })
        this.deps.changed(false)
        return
      }
    }
  }

  /** Whether any unit but this one is still to be fetched (queued, or running beside it). */
  private othersPending(unit: CrawlUnit): boolean {
    for (const other of this.remaining) if (other !== unit) return true
    return false
  }

  /** A unit whose user lacks the list's plan: done, with no rows, counted apart from failures. */
  private settleWithoutPlan(unit: CrawlUnit, reason: string): void {
    this.remaining.delete(unit)
    this.progress.withoutPlan = { count: (this.progress.withoutPlan?.count ?? 0) + 1, reason }
    this.progress.unitsDone = (this.progress.unitsDone ?? 0) + 1
    this.deps.changed(false)
  }

  /** A named user (e-mail, ID or me) is looked up once, so its rows carry the host's e-mail. */
  private async resolveUnit(unit: CrawlUnit, signal: AbortSignal): Promise<void> {
    if (!unit.resolve || unit.email !== undefined || !this.deps.users) return
    let user
    try {
      user = await this.deps.users.resolve(this.dataset.profileId, unit.userId ?? unit.label, signal)
    } catch (error) {
      // Without the user's details (no user:read scope) the list itself may still work.
      if (isAbort(error, signal) || isNetworkFailure(toAppError(error, { message: '' }))) throw error
      unit.resolve = false
      return
    }
    if (!user) throw new AppError('ZOOM_NOT_FOUND', `No user ${unit.label} in this account.`)
    unit.email = user.email
    unit.userId = user.id
    unit.resolve = false
    this.dataset.hostEmails.set(user.id, user.email)
  }

  private async fetchUnit(unit: CrawlUnit, signal: AbortSignal): Promise<void> {
    // One list failing stops the unit's other lists, without that counting as a cancel.
    const unitController = new AbortController()
    const unitSignal = AbortSignal.any([signal, unitController.signal])
    let failure: unknown
    try {
      await runPool(this.queries.lists, this.fanned ? 1 : this.deps.concurrency, unitSignal, async (list) => {
        try {
          await this.fetchList(unit, { ...this.queries.params, ...list }, unitSignal)
        } catch (error) {
          // The other lists stop, and the unit fails once they have (their pages being stored
          // included), not before: a retry must not start while one of them still runs.
          failure ??= error
          unitController.abort(error)
        }
      })
    } catch (thrown) {
      throw failure ?? thrown
    }
    if (failure) throw failure
  }

  /**
   * One list of a unit, window by window, each listing going on where an earlier try stopped; each
   * listing's total is added once.
   */
  private async fetchList(unit: CrawlUnit, params: QueryParams, signal: AbortSignal): Promise<void> {
    const spec = this.plan.spec
    const pathValues = { ...this.plan.pathValues, ...unit.pathValues, ...(unit.userId !== undefined ? { userId: unit.userId } : {}) }
    let listings = this.listings.get(unit)
    if (!listings) this.listings.set(unit, (listings = new Map()))
    for (const window of this.queries.windows) {
      const key = `${JSON.stringify(params)}\u0000${window?.from ?? ''}`
      let listing = listings.get(key)
      // Rows with an id are kept once by the dataset's id index, also across a restart after an
      // expired page token, so the listing need not remember every row it gave (millions of keys
      // in main's heap). Rows without one are told apart only by the listing's memory of them.
      const rememberTaken = this.dataset.resource.idKeys.length === 0
      if (!listing) listings.set(key, (listing = { counted: false, cursor: newPageCursor({ rememberTaken }) }))
      const cursor = listing.cursor
      if (!cursor) continue
      // A page is stored while the next one is fetched, so the database and Zoom work at once; at
      // most one page waits to be stored, so the database's pace is still the crawl's
      // backpressure. A page whose store fails puts the cursor back on it, and a later try asks
      // for it again. A listing that remembers its rows (no id keys) stores each page before the
      // next: it would have to forget the rows of a page that failed to store.
      const storing = new PageStore(cursor, rememberTaken)
      const context = rowContextOf(unit, spec.dateWindow?.periodTotals && window ? { [spec.dateWindow.from]: window.from, [spec.dateWindow.to]: window.to } : undefined)
      try {
        // Rows the dataset keeps once by their id come as Zoom's bytes, parsed by the dataset worker.
        for await (const page of this.pagesOf(spec, pathValues, withWindow(spec, params, window), signal, this.rateLimitWait, cursor, !rememberTaken)) {
          await storing.settled()
          if (signal.aborted) return
          if (page.totalRecords !== undefined && !listing.counted) {
            listing.counted = true
            this.progress.totalRecords = (this.progress.totalRecords ?? 0) + page.totalRecords
          }
          // Only the count outlives the store: the page's rows are not kept while the next is fetched.
          const waits = page.rateLimitWaits
          // A page as bytes is parsed by the dataset worker: main never builds its rows.
          const stored = page.bytes ? this.dataset.addPage(page.bytes, context) : this.dataset.add(inRowContext(page.items, context))
          await storing.store(
            stored.then(() => {
              this.countPage(waits)
              this.deps.changed(false)
            }),
          )
        }
        await storing.settled()
        // Every page given and stored: complete, even if a Cancel (or another list's failure)
        // came meanwhile. Never asked again, and the rows it took need not be remembered.
        delete listing.cursor
      } finally {
        // Stopped by a cancel or a failure while a page was being stored: its rows are counted
        // (or the cursor is back on it) before the crawl says how it ended.
        await storing.settled().catch(() => undefined)
      }
      if (signal.aborted) return
    }
  }

  /** Zoom is unreachable: every unit waits, then tries again (waits grow while it stays down). */
  private enterOutage(signal: AbortSignal): void {
    if (this.outage) return
    const delays = this.retry.outageDelaysMs
    const delay = delays[Math.min(this.outages, delays.length - 1)] ?? 30_000
    this.outages++
    const retryAt = this.deps.clock.now() + delay
    const seconds = Math.ceil(delay / 1000)
    this.progress.paused = { reason: 'unreachable', message: `Zoom is unreachable — retrying in ${seconds} s`, retryAt, retryInSeconds: seconds }
    this.deps.log.warn('Zoom unreachable; crawl paused', { jobId: this.id, delayMs: delay })
    this.deps.changed(false)
    this.outage = abortableSleep(this.deps.scheduler, delay, signal).then(() => {
      this.outage = undefined
      delete this.progress.paused
      this.deps.changed(false)
    })
  }

  private async backoff(attempt: number, signal: AbortSignal): Promise<void> {
    this.retrying++
    this.progress.retryingUnits = this.retrying
    this.deps.changed(false)
    try {
      await abortableSleep(this.deps.scheduler, backoffDelay(this.retry, attempt), signal)
    } finally {
      this.retrying--
      if (this.retrying > 0) this.progress.retryingUnits = this.retrying
      else delete this.progress.retryingUnits
    }
  }

  /** A rate limit the client could not wait out: stop here, keeping the rest pending for Resume. */
  private stop(error: AppError): void {
    this.stopError ??= error
    this.controller.abort(error)
  }

  /** A live rate-limit wait (429): shown in progress until it is over or a page arrives. */
  private readonly rateLimitWait = (untilMs: number): void => {
    if (!this.running || untilMs <= (this.progress.rateLimitedUntil ?? 0)) return
    this.progress.rateLimitedUntil = untilMs
    this.deps.changed(false)
  }

  /** A page stored after the job ended (Cancel, or another list's failure): its last event must say so. */
  private countedAfterEnd = false

  private countPage(rateLimitWaits = 0): void {
    if (!this.running) this.countedAfterEnd = true
    if (this.progress.rateLimitedUntil !== undefined && this.progress.rateLimitedUntil <= this.deps.clock.now()) delete this.progress.rateLimitedUntil
    this.progress.pages++
    this.progress.rateLimitWaits += rateLimitWaits
    this.progress.rows = this.dataset.rowCount
  }
}

/** One listing of a unit: where it stands (no cursor once complete) and whether its total was added. */
interface Listing {
  counted: boolean
  cursor?: PageCursor
}

/** How a parent row is named in errors and the missing-list: its name, e-mail or display name. */
function rowName(row: unknown): string | undefined {
  const record = (row ?? {}) as Record<string, unknown>
  const name = [record.name, record.display_name, record.email, record.topic].find((value) => typeof value === 'string' && value !== '')
  return typeof name === 'string' ? name : undefined
}

/**
 * What a unit's rows carry besides Zoom's fields: the host's e-mail, else the parent values they
 * were listed under, and for a report of totals per period the window they total.
 */
function rowContextOf(unit: CrawlUnit, period: Record<string, string> | undefined): RowContext {
  if (unit.email) return { hostEmail: unit.email }
  if (unit.pathValues || period) return { parentValues: { ...unit.pathValues, ...period } }
  return {}
}
