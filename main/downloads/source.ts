// Where recording files come from: a streaming GET of a recording's download_url with the
// profile's token (the Zoom client's stream(); tests use plain HTTP), and Zoom's trash.
import type { Readable } from 'node:stream'
import type { ZoomClients } from '../zoom'
import { AppError } from '../../common/errors'
import { encodePathValue, isDotSegment } from '../../common/zoom/paths'

export interface DownloadResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Readable
}

export interface OpenOptions {
  /** Where the Range starts (0: the whole file, no Range). */
  start: number
  /** Sent as If-Range with a Range: the validator of the bytes already on disk (part-validator.ts). */
  ifRange?: string
  signal: AbortSignal
}

/** A raw streaming GET of a recording's download_url, authorised with the profile's token. */
export interface DownloadSource {
  open(profileId: string, url: string, options: OpenOptions): Promise<DownloadResponse>
  /** Moves one meeting instance's cloud recording (by UUID) to Zoom's trash. */
  trash?(profileId: string, meetingUuid: string, signal: AbortSignal): Promise<void>
}

/** Downloads through the profile's Zoom client: Range (with If-Range) resumes, redirects within its allowed domains. */
export function zoomDownloadSource(zoom: Pick<ZoomClients, 'forProfile'>): DownloadSource {
  return {
    async open(profileId, url, { start, ifRange, signal }) {
      const stream = await zoom.forProfile(profileId).stream(url, { signal, ...(start > 0 ? { range: { start }, ...(ifRange !== undefined ? { ifRange } : {}) } : {}) })
      return { status: stream.status, headers: stream.headers, body: stream.body }
    },
    async trash(profileId, meetingUuid, signal) {
      // A UUID from Zoom's data that is a dot segment would DELETE another path than this meeting's recordings.
      if (isDotSegment(meetingUuid)) throw new AppError('VALIDATION', 'This recording has no usable meeting UUID (“.” or “..”).')
      // Zoom: a UUID starting with "/" or containing "//" is encoded twice (encodePathValue).
      await zoom.forProfile(profileId).request({ method: 'DELETE', path: `/meetings/${encodePathValue(meetingUuid)}/recordings`, searchParams: { action: 'trash' }, signal })
    },
  }
}
