// The data.* channels: crawl jobs, dataset windows, single rows, details, exports, rate usage.
import { AppError } from '../../../common/errors'
import { detailResource } from '../../../common/zoom/catalog'
import { validateResourceParams } from '../../../common/zoom/params'
import type { DatasetStore } from '../../data/datasets/dataset-store'
import { exportDataset } from '../../data/export/export-dataset'
import type { JobManager } from '../../data/jobs/job-manager'
import type { DetailSource, RateUsageSource } from '../../data/ports'
import type { Clock, DialogPort } from '../../ports'
import type { UserDirectory } from '../../data/users/user-directory'
import type { HandlersFor } from '../types'

export interface DataHandlerDeps {
  jobs: JobManager
  datasets: DatasetStore
  details: DetailSource
  rateUsage: RateUsageSource
  dialogs: DialogPort
  clock: Clock
  users: UserDirectory
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
    'data.detail': ({ profileId, resource, id, params }, context) => {
      const checked = validateResourceParams(detailResource(resource), params ?? {})
      if (!checked.ok) throw new AppError('VALIDATION', checked.issues.map((issue) => issue.message).join('; '), { issues: checked.issues })
      return deps.details.detail({ profileId, resource, id, params: checked.query, ...(context.signal ? { signal: context.signal } : {}) })
    },
    'data.export': ({ datasetId, ...request }) => exportDataset({ dialogs: deps.dialogs, clock: deps.clock }, datasets.get(datasetId), request),
    'data.select': ({ datasetId, sort, filter }) => {
      const dataset = datasets.get(datasetId)
      const indexes = [...dataset.iterateIndexes(dataset.view({ sort, filter }))]
      return { indexes, total: dataset.rows.length }
    },
    'data.rateUsage': ({ profileId }) => deps.rateUsage.rateUsage(profileId),
    'data.findUsers': ({ profileId, query, limit }, context) => deps.users.find(profileId, query, limit, context.signal),
  }
}
