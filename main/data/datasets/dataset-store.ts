// Datasets live until closed, keyed by id, and at most MAX_OPEN_DATASETS at once: each holds a
// whole crawl in memory, so opening one more closes the least recently used (its crawl, if still
// running, is cancelled by the owner's onEvict). The app has one window, so this is its budget.
import { randomUUID } from 'node:crypto'
import { AppError } from '../../../common/errors'
import type { ListResource } from '../../../common/zoom/catalog'
import { Dataset, type DatasetResource } from './dataset'

export const MAX_OPEN_DATASETS = 8

export class DatasetStore {
  /** In use order: the first entry is the least recently used. */
  private readonly datasets = new Map<string, Dataset<DatasetResource>>()

  constructor(
    private readonly capacity = MAX_OPEN_DATASETS,
    private readonly onEvict: (dataset: Dataset<DatasetResource>) => void = () => undefined,
  ) {}

  create<R extends DatasetResource = ListResource>(profileId: string, resource: R, createdAt: number): Dataset<R> {
    const dataset = new Dataset<R>(randomUUID(), profileId, resource, createdAt)
    this.datasets.set(dataset.id, dataset)
    while (this.datasets.size > this.capacity) {
      const oldest = this.datasets.values().next().value
      if (oldest === undefined) break
      this.datasets.delete(oldest.id)
      this.onEvict(oldest)
    }
    return dataset
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

  close(datasetId: string): void {
    this.datasets.delete(datasetId)
  }
}
