// What main does once its window has loaded, so that a person's first crawl starts on a ready
// process: the datasets' thread started, buffer transfers expected, the envelope scan compiled.
import { expectBufferTransfers } from '../threads/buffer-transfers'
import { warmListScan } from '../zoom/warm-list-scan'
import type { DatasetStore } from './datasets/dataset-store'

export async function readyForCrawls(datasets: Pick<DatasetStore, 'warm'>): Promise<void> {
  // First (main's start-up has done it already; the bench's stack has not): the scan must be
  // compiled after the assumption is gone, or the first transfer undoes it.
  expectBufferTransfers()
  await Promise.all([datasets.warm(), warmListScan()])
}
