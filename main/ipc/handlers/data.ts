// The data.* channels (inputs already checked by the router's zod): crawl jobs, dataset windows,
// single rows, details, exports, rate usage, and the datasets the person chose to keep.
import { crawlInputSchema } from '../../../common/contract/data'
import { MAX_SELECTED_ROWS } from '../../../common/contract/define'
import { AppError } from '../../../common/errors'
import type { DatasetStore } from '../../data/datasets/dataset-store'
import { exportDataset } from '../../data/export/export-dataset'
import type { JobManager, StartCrawl } from '../../data/jobs/job-manager'
import type { FetchDetail } from '../../data/details'
import type { ZoomClients } from '../../zoom'
import type { Clock, DialogPort, EventSink } from '../../ports'
import type { UserDirectory } from '../../data/users/user-directory'
import type { PathValues } from '../../data/pick/path-values'
import type { HandlersFor } from '../types'

export interface DataHandlerDeps {
  jobs: JobManager
  datasets: DatasetStore
  detail: FetchDetail
  zoom: Pick<ZoomClients, 'rateUsage'>
  dialogs: DialogPort
  /** Where an export's progress goes ('data.exportProgress'). */
  events: EventSink
  clock: Clock
  /** The machine's regional format, which CSV for Excel's separator and decimal mark follow. */
  locale?: string | undefined
  users: UserDirectory
  /** Days after its crawl that a kept dataset is deleted (Settings). */
  keptDatasetDays: () => number | Promise<number>
  pathValues: PathValues
}

export function createDataHandlers(deps: DataHandlerDeps): HandlersFor<'data'> {
  const { jobs, datasets } = deps
  /** Starts a crawl and remembers its input in the dataset, so a kept copy can be crawled again. */
  const crawl = async (input: StartCrawl) => {
    const progress = await jobs.crawl(input)
    datasets.get(progress.datasetId).crawl = { resource: input.resource, params: input.params, ...(input.users !== undefined ? { users: input.users } : {}) }
    return progress
  }
  return {
    'data.crawl': ({ profileId, resource, params, users }) => crawl({ profileId, resource, params, ...(users !== undefined ? { users } : {}) }),
    'data.cancel': ({ jobId }) => jobs.cancel(jobId),
    'data.resume': ({ jobId }) => jobs.resume(jobId),
    'data.retryFailed': ({ jobId }) => jobs.retryFailed(jobId),
    'data.jobs': ({ profileId }) => jobs.list(profileId),
    'data.dataset': ({ datasetId }) => datasets.get(datasetId).info(),
    'data.rows': ({ datasetId, ...window }) => datasets.get(datasetId).window(window),
    'data.row': ({ datasetId, index }) => datasets.get(datasetId).row(index),
    'data.closeDataset': async ({ datasetId }) => {
      jobs.cancelForDataset(datasetId)
      await datasets.close(datasetId)
    },
    'data.detail': ({ profileId, resource, id, params }, context) => deps.detail({ profileId, resource, id, ...(params ? { params } : {}), ...(context.signal ? { signal: context.signal } : {}) }),
    // Cancelled through its call (app.cancelCall) or when its window goes away.
    'data.export': ({ datasetId, ...request }, context) =>
      exportDataset({ dialogs: deps.dialogs, clock: deps.clock, locale: deps.locale }, datasets.get(datasetId), request, {
        ...(context.signal ? { signal: context.signal } : {}),
        progress: (progress) => deps.events.emit('data.exportProgress', { datasetId, ...progress }),
      }),
    'data.select': async ({ datasetId, sort, filter }) => {
      const dataset = datasets.get(datasetId)
      // The page offers "Select all" only up to the bound; a page that asks anyway gets no millions of indexes.
      const indexes = await dataset.select({ ...(sort ? { sort } : {}), ...(filter ? { filter } : {}) }, MAX_SELECTED_ROWS)
      return { indexes, total: dataset.rowCount }
    },
    'data.selectedShown': async ({ datasetId, filter, rowIndexes }) => ({ shown: await datasets.get(datasetId).countShown(filter ? { filter } : {}, rowIndexes) }),
    'data.rateUsage': ({ profileId }) => deps.zoom.rateUsage(profileId),
    'data.findUsers': ({ profileId, query, limit }, context) => deps.users.find(profileId, query, limit, context.signal),
    'data.keep': ({ datasetId, view }) => datasets.keep(datasetId, deps.clock.now(), view),
    'data.kept': async ({ profileId }) => datasets.listKept({ ...(profileId !== undefined ? { profileId } : {}), expiryDays: await deps.keptDatasetDays(), now: deps.clock.now() }),
    'data.openKept': async ({ datasetId }) => (await datasets.openKept(datasetId)).info(),
    'data.refreshKept': async ({ datasetId }) => {
      const meta = datasets.keptMeta(datasetId)
      if (!meta.crawl) throw new AppError('CONFLICT', 'This kept dataset does not remember how it was crawled. Load the list again.')
      // What the file remembers is checked like any crawl request before it is crawled again.
      const checked = crawlInputSchema.safeParse({ ...meta.crawl, profileId: meta.profileId })
      if (!checked.success) throw new AppError('VALIDATION', 'This kept dataset’s crawl cannot be repeated. Load the list again.')
      const { profileId, resource, params, users } = checked.data
      const progress = await crawl({ profileId, resource, params, ...(users !== undefined ? { users } : {}) })
      // The new crawl is kept in the old one's place: its rows replace the old copy's once it has
      // ended whole. A crawl that fails or is cancelled (or an app that ends first) leaves the old copy.
      // Shown as the old copy was.
      await datasets.keep(progress.datasetId, deps.clock.now(), meta.view)
      const job = jobs.get(progress.jobId)
      void job
        .start()
        .then(async () => {
          const ended = job.snapshot()
          if (ended.state !== 'done' || (ended.failedUnits ?? 0) > 0) return
          jobs.cancelForDataset(datasetId)
          await datasets.forgetKept(datasetId)
        })
        .catch(() => undefined)
      return job.snapshot()
    },
    'data.forgetKept': async ({ datasetId }) => {
      jobs.cancelForDataset(datasetId)
      await datasets.forgetKept(datasetId)
    },
    'data.clearKept': async () => {
      for (const kept of await datasets.listKept({ expiryDays: Number.MAX_SAFE_INTEGER, now: deps.clock.now() })) jobs.cancelForDataset(kept.datasetId)
      const removed = await datasets.clearKept()
      // The other documents' set-aside copies (history, events) that are past the kept lists' expiry go too.
      await datasets.expire(await deps.keptDatasetDays(), deps.clock.now())
      return { removed }
    },
    'data.pathValues': ({ profileId, resource, param, pathValues, cursor }, context) =>
      deps.pathValues.page({ profileId, resource, param, ...(pathValues ? { pathValues } : {}), ...(cursor ? { cursor } : {}), ...(context.signal ? { signal: context.signal } : {}) }),
  }
}
