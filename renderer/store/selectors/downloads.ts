// Where a download stands, as the Downloads panel and the store's notices read it.
import type { DownloadItem } from '../../../common/contract/index'

/** Still to be fetched, being fetched, or paused (stopped by the app closing, to be taken up again). */
export const isUnderWay = (d: DownloadItem): boolean => d.state === 'queued' || d.state === 'downloading' || d.state === 'paused'

/** What Retry and Retry all take back: a file cancelled, or failed after its attempts. */
export const isGivenUp = (d: DownloadItem): boolean => d.state === 'cancelled' || d.state === 'failed'
