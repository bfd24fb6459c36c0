// Where each recording file of a recordings row goes:
//   <folder>/<host email>/<YYYY-MM-DD>/<topic> (<meeting id>)/<recording_type>-<file id>.<ext>
// The date is the meeting's start date in UTC (Zoom's start_time is UTC), so the layout does not
// depend on the machine's time zone.
import { join } from 'node:path'
import { sanitiseFolderSegment, sanitiseSegment, truncateUtf8 } from './sanitise'

export interface PlannedFile {
  url: string
  fileSize: number
  /** Path segments under the download folder. */
  segments: string[]
  meetingTopic?: string
  recordingType?: string
}

interface RecordingFile {
  id?: unknown
  download_url?: unknown
  file_size?: unknown
  file_type?: unknown
  file_extension?: unknown
  recording_type?: unknown
  status?: unknown
}

interface RecordingMeeting {
  id?: unknown
  uuid?: unknown
  topic?: unknown
  start_time?: unknown
  host_id?: unknown
  host_email?: unknown
  recording_files?: unknown
}

const EXTENSIONS: Record<string, string> = {
  MP4: 'mp4', M4A: 'm4a', CHAT: 'txt', TRANSCRIPT: 'vtt', CC: 'vtt', CSV: 'csv', TB: 'json', SUMMARY: 'json', CHAT_MESSAGE: 'json', TIMELINE: 'json',
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined)

/**
 * The downloadable files of one recordings row. Files without a download_url (still processing)
 * are left out. `hostEmails` fills in the host's email when the row has only host_id.
 */
export function planRecordingFiles(row: unknown, hostEmails: ReadonlyMap<string, string>): PlannedFile[] {
  const meeting = (row ?? {}) as RecordingMeeting
  const files = Array.isArray(meeting.recording_files) ? (meeting.recording_files as RecordingFile[]) : []
  const hostId = text(meeting.host_id)
  const host = text(meeting.host_email) ?? (hostId && hostEmails.get(hostId)) ?? hostId ?? 'unknown host'
  const start = text(meeting.start_time)
  const day = start && /^\d{4}-\d{2}-\d{2}/.test(start) ? dayOf(start) : 'unknown date'
  const topic = text(meeting.topic) ?? 'Untitled'
  const meetingId = text(meeting.id) ?? text(meeting.uuid) ?? 'no id'
  const meetingFolder = `${truncateUtf8(sanitiseSegment(topic, 200), 90)} (${sanitiseSegment(meetingId, 60)})`
  const planned: PlannedFile[] = []
  files.forEach((file, position) => {
    const url = text(file?.download_url)
    if (!url) return
    const fileType = text(file.file_type)
    const recordingType = text(file.recording_type) ?? fileType?.toLowerCase() ?? 'file'
    const extension = (text(file.file_extension) ?? (fileType && EXTENSIONS[fileType.toUpperCase()]) ?? 'bin').toLowerCase()
    const name = `${recordingType}-${text(file.id) ?? position}.${extension}`
    planned.push({
      url,
      fileSize: typeof file.file_size === 'number' && file.file_size > 0 ? file.file_size : 0,
      segments: [sanitiseFolderSegment(host), day, sanitiseFolderSegment(meetingFolder, 160), sanitiseSegment(name, 160)],
      meetingTopic: topic,
      recordingType,
    })
  })
  return planned
}

export const relativePathOf = (file: PlannedFile): string => join(...file.segments)

function dayOf(start: string): string {
  const time = Date.parse(start)
  return Number.isNaN(time) ? start.slice(0, 10) : new Date(time).toISOString().slice(0, 10)
}
