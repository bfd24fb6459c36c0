// The Downloads panel's header line: how far the transfers are while any is under way, and what
// became of the files once none is, from the queue's own states and byte counts (never the
// progress totals, which leave cancelled files out and read "0 B of 0 B" once all are cancelled).
import type { DownloadItem, DownloadsSnapshot } from '../../../common/contract/index'
import { formatBytes, formatCount } from '../../shared/format'
import { isUnderWay } from '../../store/selectors/downloads'

const files = (n: number) => `${formatCount(n)} ${n === 1 ? 'file' : 'files'}`

export function downloadSummary(snapshot: DownloadsSnapshot): string {
  const { items } = snapshot
  if (items.some(isUnderWay)) return `${formatBytes(snapshot.receivedBytes)} of ${formatBytes(snapshot.totalBytes)}${snapshot.active > 0 ? ` · ${snapshot.active} in progress` : ''}`
  const count = (state: DownloadItem['state']) => items.filter((d) => d.state === state).length
  const cancelled = count('cancelled')
  const failed = count('failed')
  // The whole batch, cancelled files included; on disk: the files complete and the .part of a
  // failed one (a Retry goes on from it). A cancelled file's bytes were deleted with its .part.
  const total = items.reduce((n, d) => n + Math.max(d.fileSize, d.received), 0)
  const onDisk = items.reduce((n, d) => (d.state === 'cancelled' ? n : n + d.received), 0)
  const bytes = `${formatBytes(onDisk)} of ${formatBytes(total)} kept on disk`
  if (cancelled > 0 && failed > 0) return `Stopped: ${formatCount(cancelled)} cancelled and ${formatCount(failed)} failed of ${files(items.length)}, ${bytes}`
  if (cancelled > 0) return `Cancelled: ${formatCount(cancelled)} of ${files(items.length)}, ${bytes}`
  if (failed > 0) return `Failed: ${formatCount(failed)} of ${files(items.length)}, ${bytes}`
  return `Done: ${files(items.length)}, ${formatBytes(onDisk)}`
}
