// The downloads.* channels: the recording download queue.
import type { DownloadQueue } from '../../downloads/download-queue'
import type { HandlersFor } from '../types'

export function createDownloadHandlers(queue: DownloadQueue): HandlersFor<'downloads'> {
  return {
    'downloads.enqueue': (input) => queue.enqueue(input),
    'downloads.list': () => queue.snapshot(),
    'downloads.cancel': ({ id }) => queue.cancel(id),
    'downloads.cancelAll': () => queue.cancelAll(),
    'downloads.retry': ({ id }) => queue.retry(id),
    'downloads.retryAll': () => queue.retryAll(),
    'downloads.clearFinished': () => queue.clearFinished(),
    'downloads.openFolder': ({ id }) => queue.openFolder(id),
  }
}
