// Datasets live until closed, keyed by id, and at most MAX_OPEN_DATASETS at once: opening one
// more closes the least recently used (its crawl, if still running, is cancelled by the owner's
// onEvict). The app has one window, so this is its budget.
//
// Closing a dataset deletes its file unless the person chose to keep it. Kept datasets are
// listed from their files (each file says what it holds), expire after the days set in
// Settings, and go with their connection or with "Clear kept data".
import { randomUUID } from 'node:crypto'
import type { StoreProblem } from '../../../common/contract/app'
import type { KeptDataset, KeptView } from '../../../common/contract/data'
import { AppError, isAppError } from '../../../common/errors'
import { LIST_RESOURCES, type ListResource } from '../../../common/zoom/catalog'
import { Dataset, type DatasetBackend, type DatasetResource, defaultBackend } from './dataset'
import { isKeptMeta } from './kept-meta'
import type { DatasetMeta } from './store/protocol'
import type { SetAsideCopies } from '../../store'

export const MAX_OPEN_DATASETS = 8
const DAY_MS = 24 * 60 * 60 * 1000

interface KeptEntry {
  meta: DatasetMeta
  rows: number
}

export class DatasetStore {
  /** In use order: the first entry is the least recently used. */
  private readonly datasets = new Map<string, Dataset<DatasetResource>>()
  /** Kept datasets on disk, by id (open or not). */
  private readonly kept = new Map<string, KeptEntry>()
  private loaded: Promise<void> | undefined

  constructor(
    private readonly capacity = MAX_OPEN_DATASETS,
    private readonly onEvict: (dataset: Dataset<DatasetResource>) => void = () => undefined,
    private readonly backend: DatasetBackend = defaultBackend(),
    /** Told of each kept file set aside at start-up, so the person learns why a kept list is gone. */
    private readonly onProblem: (problem: StoreProblem) => void = () => undefined,
    /** Set-aside copies of other documents holding Zoom data (the console's history, events.json): they expire with the kept lists. */
    private readonly otherCopies?: Pick<SetAsideCopies, 'expire'>,
  ) {}

  /** Deletes what a previous run left in the temporary folder and reads the kept datasets (once). */
  start(): Promise<void> {
    this.loaded ??= this.load()
    return this.loaded
  }

  private async load(): Promise<void> {
    await this.backend.files.prepareOnce()
    for (const id of await this.backend.files.keptIds()) {
      try {
        const { meta, rows } = await this.backend.engine.call(id, { op: 'readMeta', path: this.backend.files.kept(id) })
        if (isKeptMeta(meta, id)) {
          // A file whose mode cannot be changed (another owner's) is still listed: reading it works.
          await this.backend.files.narrowKept(id).catch(() => undefined)
          this.kept.set(id, { meta, rows })
          continue
        }
      } catch (error) {
        // One this start could not read (the thread did not run, another program holds its lock)
        // is still the person's: it stays where it is, for the next start.
        if (!(isAppError(error) && error.code === 'FILE_IO' && !/locked|busy/i.test(error.message))) continue
        await this.setAside(id, `A kept list could not be read (${error.message})`)
        continue
      }
      await this.setAside(id, 'A kept list does not say what it holds in the form this app writes')
    }
  }

  /**
   * A kept file that is damaged or not a dataset of ours cannot be listed, but it was kept data:
   * it is moved aside (never deleted at start-up), and one that cannot even be moved (a folder we
   * may not rename) is left alone, so the person's other kept lists still load.
   */
  private async setAside(id: string, why: string): Promise<void> {
    const at = new Date()
    try {
      const movedTo = await this.backend.files.setKeptAside(id, at)
      const reason = `${why}, so it is no longer listed. Its copy holds Zoom data: it is deleted when kept lists expire (Settings), or at once by Clear kept data.`
      this.onProblem({ file: this.backend.files.kept(id), movedTo, reason, at: at.toISOString() })
    } catch {
      // Left where it is: the next start tries again, and "Clear kept data" removes it.
    }
  }

  /** Starts the datasets' thread before the first dataset needs it (see DatasetEngine.warm). */
  warm(): Promise<void> {
    return this.backend.engine.warm()
  }

  create<R extends DatasetResource = ListResource>(profileId: string, resource: R, createdAt: number): Dataset<R> {
    const dataset = new Dataset<R>(randomUUID(), profileId, resource, createdAt, { backend: this.backend })
    this.remember(dataset)
    return dataset
  }

  private remember(dataset: Dataset<DatasetResource>): void {
    this.datasets.set(dataset.id, dataset)
    while (this.datasets.size > this.capacity) {
      const oldest = this.datasets.values().next().value
      if (oldest === undefined) break
      this.datasets.delete(oldest.id)
      this.onEvict(oldest)
      this.noteClosed(oldest)
      void oldest.close().catch(() => undefined)
    }
  }

  /** The dataset, now the most recently used. */
  get(datasetId: string): Dataset<DatasetResource> {
    const dataset = this.datasets.get(datasetId)
    if (!dataset) throw new AppError('NOT_FOUND', 'This dataset is no longer available. Load the list again.')
    this.datasets.delete(datasetId)
    this.datasets.set(datasetId, dataset)
    return dataset
  }

  /** Every open dataset, oldest first. */
  all(): Dataset<DatasetResource>[] {
    return [...this.datasets.values()]
  }

  has(datasetId: string): boolean {
    return this.datasets.has(datasetId)
  }

  /** Closes the dataset; its file is deleted unless it is kept. */
  async close(datasetId: string): Promise<void> {
    const dataset = this.datasets.get(datasetId)
    this.datasets.delete(datasetId)
    if (!dataset) return
    this.noteClosed(dataset)
    await dataset.close()
  }

  /** A kept dataset's entry keeps what it had when it closed (a crawl may have gone on into it). */
  private noteClosed(dataset: Dataset<DatasetResource>): void {
    if (this.kept.has(dataset.id)) this.kept.set(dataset.id, { meta: dataset.meta(), rows: dataset.rowCount })
  }

  /** Keeps the dataset's file after it is closed, until it expires or is cleared. */
  async keep(datasetId: string, now: number, view?: KeptView): Promise<KeptDataset> {
    await this.start()
    const dataset = this.get(datasetId)
    // A crawl's dataset is named by the list's path ('/users'), a built-in tab's by its id.
    if (dataset.crawl === undefined && !(dataset.resource.id in LIST_RESOURCES)) throw new AppError('VALIDATION', 'Only a crawled list can be kept.')
    await dataset.keep(now, view)
    this.kept.set(dataset.id, { meta: dataset.meta(), rows: dataset.rowCount })
    return keptView(dataset.meta(), dataset.rowCount)
  }

  /** Kept datasets (of one connection, or all), newest first; expired ones are deleted first. */
  async listKept(options: { profileId?: string; expiryDays: number; now: number }): Promise<KeptDataset[]> {
    await this.start()
    await this.expire(options.expiryDays, options.now)
    const open = new Map(this.all().map((dataset) => [dataset.id, dataset]))
    return [...this.kept.values()]
      .filter(({ meta }) => options.profileId === undefined || meta.profileId === options.profileId)
      .map(({ meta, rows }) => {
        const dataset = open.get(meta.id)
        return dataset ? keptView(dataset.meta(), dataset.rowCount) : keptView(meta, rows)
      })
      .sort((a, b) => b.createdAt - a.createdAt)
  }

  /** Opens a kept dataset (or returns it when it is open already). */
  async openKept(datasetId: string): Promise<Dataset<DatasetResource>> {
    await this.start()
    if (this.datasets.has(datasetId)) return this.get(datasetId)
    const entry = this.kept.get(datasetId)
    if (!entry) throw new AppError('NOT_FOUND', 'This kept dataset is no longer on disk.')
    const listed = entry.meta.list ? { id: entry.meta.resourceId, ...entry.meta.list } : undefined
    const resource: DatasetResource | undefined = (LIST_RESOURCES[entry.meta.resourceId as keyof typeof LIST_RESOURCES] as ListResource | undefined) ?? listed
    if (!resource) throw new AppError('NOT_FOUND', 'This kept dataset lists something this version does not know.')
    const dataset = new Dataset(entry.meta.id, entry.meta.profileId, resource, entry.meta.createdAt, { backend: this.backend, kept: { path: this.backend.files.kept(datasetId), meta: entry.meta, rows: entry.rows } })
    this.remember(dataset)
    return dataset
  }

  /** The stored facts of a kept dataset (Refresh needs its crawl input). */
  keptMeta(datasetId: string): DatasetMeta {
    const entry = this.kept.get(datasetId)
    if (!entry) throw new AppError('NOT_FOUND', 'This kept dataset is no longer on disk.')
    return this.datasets.get(datasetId)?.meta() ?? entry.meta
  }

  /** Deletes a kept dataset (closing it first when it is open). */
  async forgetKept(datasetId: string): Promise<void> {
    await this.start()
    const dataset = this.datasets.get(datasetId)
    this.datasets.delete(datasetId)
    if (dataset) await dataset.close(true)
    this.kept.delete(datasetId)
    this.backend.files.removeKept(datasetId)
  }

  /** "Clear kept data": every kept dataset is deleted; returns how many. */
  async clearKept(): Promise<number> {
    await this.start()
    const ids = [...this.kept.keys()]
    for (const id of ids) await this.forgetKept(id)
    // Files this run could not read are kept data too.
    const unread = (await this.backend.files.keptIds()).filter((id) => !this.datasets.has(id))
    for (const id of unread) this.backend.files.removeKept(id)
    const setAside = await this.backend.files.removeSetAside()
    return ids.length + unread.length + setAside
  }

  /** A deleted connection takes its datasets with it: open ones are closed, kept ones deleted. */
  async forgetProfile(profileId: string): Promise<void> {
    await this.start()
    for (const dataset of this.all()) if (dataset.profileId === profileId) await this.close(dataset.id)
    for (const { meta } of [...this.kept.values()]) if (meta.profileId === profileId) await this.forgetKept(meta.id)
  }

  /**
   * Deletes the kept datasets older than `days` (by when they were crawled; an open one goes once
   * it is closed), and the set-aside ones last written before then; so do the other documents'
   * set-aside copies (not counted: they are not kept lists).
   */
  async expire(days: number, now: number): Promise<number> {
    // A copy that cannot be removed now (locked by another program) is tried again at the next
    // expiry: the kept lists' own expiry must not wait on it.
    await this.otherCopies?.expire(days * DAY_MS, now).catch(() => undefined)
    let removed = await this.backend.files.expireSetAside(days * DAY_MS, now)
    for (const { meta } of [...this.kept.values()]) {
      if (now - meta.createdAt <= days * DAY_MS || this.datasets.has(meta.id)) continue
      await this.forgetKept(meta.id)
      removed++
    }
    return removed
  }

  /** Closes every dataset (temporary files deleted, kept ones stay) and ends the worker. */
  async shutdown(): Promise<void> {
    const open = this.all()
    this.datasets.clear()
    for (const dataset of open) await dataset.close().catch(() => undefined)
    await this.backend.engine.stop()
  }
}

function keptView(meta: DatasetMeta, rows: number): KeptDataset {
  return {
    datasetId: meta.id,
    profileId: meta.profileId,
    resource: meta.resourceId,
    rows,
    createdAt: meta.createdAt,
    keptAt: meta.keptAt ?? meta.createdAt,
    complete: meta.missing !== undefined && meta.missing.length === 0,
    ...(meta.missing && meta.missing.length > 0 ? { missing: [...meta.missing] } : {}),
    refreshable: meta.crawl !== undefined,
    ...(meta.view ? { view: meta.view } : {}),
  }
}
