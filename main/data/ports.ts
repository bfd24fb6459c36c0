// The narrow ports the data side needs from the Zoom client (main/zoom/). main/data/zoom-adapter.ts
// implements them with the real rate-aware client; tests implement them against the sandbox.
import type { Readable } from 'node:stream'
import type { RateUsage } from '../../common/contract/data'
import type { DetailResourceId, ListResourceId } from '../../common/zoom/resource-ids'

export type QueryParams = Record<string, string | number | boolean>

export interface PageRequest {
  profileId: string
  resource: ListResourceId
  /** For per-user resources: the user id (or 'me') substituted into the path. */
  userId?: string
  /** The resource's account-wide listing (every user's rows at once) instead of a per-user one. */
  accountWide?: boolean
  params: QueryParams
  signal: AbortSignal
  /** Told when a request waits a noticeable time for Zoom's rate limit (429), with when it goes on (epoch ms). */
  onRateLimitWait?: (untilMs: number) => void
}

export interface Page {
  items: unknown[]
  /** Zoom's total_records, when the response has one. */
  totalRecords?: number
  /** How many times the client waited for the rate limiter or a 429 while fetching this page. */
  rateLimitWaits?: number
}

/**
 * Pages of one list, following next_page_token. The source handles retries, rate limits and
 * expired page tokens; if it restarts a list it may yield items again (the dataset dedupes).
 * Throws an AppError when the list cannot be completed, the signal's reason when aborted.
 */
export interface PageSource {
  pages(request: PageRequest): AsyncIterable<Page>
}

export interface DownloadResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Readable
}

/** A raw streaming GET of a recording's download_url, authorised with the profile's token. */
export interface DownloadSource {
  open(profileId: string, url: string, options: { start: number; signal: AbortSignal }): Promise<DownloadResponse>
  /** Moves one meeting instance's cloud recording (by UUID) to Zoom's trash. */
  trash?(profileId: string, meetingUuid: string, signal: AbortSignal): Promise<void>
}

export interface DetailSource {
  detail(request: { profileId: string; resource: DetailResourceId; id: string; params?: QueryParams; signal?: AbortSignal }): Promise<unknown>
}

export interface RateUsageSource {
  rateUsage(profileId: string): RateUsage[] | Promise<RateUsage[]>
}
