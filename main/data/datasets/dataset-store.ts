// Datasets live as long as the app (or until closed), keyed by id.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../../common/errors'
import type { ListResource } from '../../../common/zoom/catalog'
import { Dataset, type DatasetResource } from './dataset'

export class DatasetStore {
  private readonly datasets = new Map<string, Dataset<DatasetResource>>()

  create<R extends DatasetResource = ListResource>(profileId: string, resource: R, createdAt: number): Dataset<R> {
    const dataset = new Dataset<R>(randomUUID(), profileId, resource, createdAt)
    this.datasets.set(dataset.id, dataset)
    return dataset
  }

  get(datasetId: string): Dataset<DatasetResource> {
    const dataset = this.datasets.get(datasetId)
    if (!dataset) throw new AppError('NOT_FOUND', 'This dataset is no longer available. Load the list again.')
    return dataset
  }

  has(datasetId: string): boolean {
    return this.datasets.has(datasetId)
  }

  close(datasetId: string): void {
    this.datasets.delete(datasetId)
  }
}
