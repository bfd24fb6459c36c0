// The data.* channels (inputs already checked by the router's zod): crawl jobs, dataset windows, single rows, details, exports, rate usage.
import type { DatasetStore } from '../../data/datasets/dataset-store'
import { exportDataset } from '../../data/export/export-dataset'
import type { JobManager } from '../../data/jobs/job-manager'
import type { FetchDetail } from '../../data/details'
import type { ZoomClients } from '../../zoom'
import type { Clock, DialogPort } from '../../ports'
import type { UserDirectory } from '../../data/users/user-directory'
import type { PathValues } from '../../data/pick/path-values'
import type { HandlersFor } from '../types'

export interface DataHandlerDeps {
  jobs: JobManager
  datasets: DatasetStore
  detail: FetchDetail
  zoom: Pick<ZoomClients, 'rateUsage'>
  dialogs: DialogPort
  clock: Clock
  users: UserDirectory
  pathValues: PathValues
}

export function createDataHandlers(deps: DataHandlerDeps): HandlersFor<'data'> {
  const { jobs, datasets } = deps
  return {
    'data.crawl': ({ profileId, resource, params, users }) => jobs.crawl({ profileId, resource, params, ...(users !== undefined ? { users } : {}) }),
    'data.cancel': ({ jobId }) => jobs.cancel(jobId),
    'data.resume': ({ jobId }) => jobs.resume(jobId),
    'data.retryFailed': ({ jobId }) => jobs.retryFailed(jobId),
    'data.jobs': ({ profileId }) => jobs.list(profileId),
    'data.dataset': ({ datasetId }) => datasets.get(datasetId).info(),
    'data.rows': ({ datasetId, ...window }) => datasets.get(datasetId).window(window),
    'data.row': ({ datasetId, index }) => datasets.get(datasetId).row(index),
    'data.closeDataset': ({ datasetId }) => {
      jobs.cancelForDataset(datasetId)
      datasets.close(datasetId)
    },
    'data.detail': ({ profileId, resource, id, params }, context) => deps.detail({ profileId, resource, id, ...(params ? { params } : {}), ...(context.signal ? { signal: context.signal } : {}) }),
    'data.export': ({ datasetId, ...request }) => exportDataset({ dialogs: deps.dialogs, clock: deps.clock }, datasets.get(datasetId), request),
    'data.select': ({ datasetId, sort, filter }) => {
      const dataset = datasets.get(datasetId)
      const indexes = [...dataset.iterateIndexes(dataset.view({ sort, filter }))]
      return { indexes, total: dataset.rows.length }
    },
    'data.rateUsage': ({ profileId }) => deps.zoom.rateUsage(profileId),
    'data.findUsers': ({ profileId, query, limit }, context) => deps.users.find(profileId, query, limit, context.signal),
    'data.pathValues': ({ profileId, resource, param, pathValues, cursor }, context) =>
      deps.pathValues.page({ profileId, resource, param, ...(pathValues ? { pathValues } : {}), ...(cursor ? { cursor } : {}), ...(context.signal ? { signal: context.signal } : {}) }),
  }
}
