// Where each recording file of a recordings row goes:
//   <folder>/<host email>/<YYYY-MM-DD>/<topic> (<meeting id>)/<recording_type>-<file id>.<ext>
// Each segment has a length budget; over-long values keep their start and a hash of the whole.
// The date is the meeting's start date in UTC (Zoom's start_time is UTC), so the layout does not
// depend on the machine's time zone.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { type RecordingFileKind, recordingFileKind } from '../../common/zoom/recording-files'
import { sanitiseFolderSegment, sanitiseSegment, truncateChars, truncateUtf8 } from './sanitise'

export interface PlannedFile {
  url: string
  fileSize: number
  /** Path segments under the download folder. */
  segments: string[]
  meetingTopic?: string
  recordingType?: string
  kind: RecordingFileKind
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

/**
 * The only extensions a downloaded file may get: the `file_extension` values of Zoom's recording
 * files (Meetings API, recordings schema). A value from Zoom data outside this list (an `.exe`
 * or `.lnk` a meeting's data could name) is never used.
 */
export const RECORDING_EXTENSIONS: ReadonlySet<string> = new Set(['mp4', 'm4a', 'txt', 'vtt', 'csv', 'json', 'jpg'])
/** For a file whose type is unknown: plain data, which no OS runs or opens with a program. */
const UNKNOWN_EXTENSION = 'bin'

/** The extension of each `file_type` when `file_extension` is missing or not allowed. */
const EXTENSIONS: Record<string, string> = {
  MP4: 'mp4', M4A: 'm4a', CHAT: 'txt', TRANSCRIPT: 'vtt', CC: 'vtt', CSV: 'csv', TB: 'json', SUMMARY: 'json', CHAT_MESSAGE: 'json', TIMELINE: 'json',
}

/** Windows' MAX_PATH is 260 UTF-16 units with the terminating NUL: a whole path stays below it. */
export const MAX_WHOLE_PATH = 259
const MIN_TOPIC = 8
/** A shortened segment keeps a readable start and a hash of the whole: HASH_LENGTH + 1 of it. */
const HASH_LENGTH = 8
const MIN_HOST = 12
/** Budgets per segment (UTF-16 units), so that no single value from Zoom can eat the whole path. */
const MAX_FILE_STEM = 64
const MIN_FILE_STEM = 12
const MAX_MEETING_ID = 21
const MAX_HOST = 64

export interface LayoutOptions {
  /** The download folder: its length counts towards MAX_WHOLE_PATH. */
  folder?: string
  /** Only files of these kinds (video, audio only, transcript, …); absent = every file. */
  kinds?: readonly RecordingFileKind[]
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined)

/**
 * The downloadable files of one recordings row. Files without a download_url (still processing)
 * are left out. `hostEmails` fills in the host's email when the row has only host_id.
 */
export function planRecordingFiles(row: unknown, hostEmails: ReadonlyMap<string, string>, options: LayoutOptions = {}): PlannedFile[] {
  const meeting = (row ?? {}) as RecordingMeeting
  const files = Array.isArray(meeting.recording_files) ? (meeting.recording_files as RecordingFile[]) : []
  const hostId = text(meeting.host_id)
  const host = text(meeting.host_email) ?? (hostId && hostEmails.get(hostId)) ?? hostId ?? 'unknown host'
  const start = text(meeting.start_time)
  const day = start && /^\d{4}-\d{2}-\d{2}/.test(start) ? dayOf(start) : 'unknown date'
  const topic = text(meeting.topic) ?? 'Untitled'
  const meetingId = text(meeting.id) ?? text(meeting.uuid) ?? 'no id'
  // Names already given to this recording's files: each file must get a name of its own (below).
  const taken = new Set<string>()
  const downloadable = files.flatMap((file, position) => {
    const url = text(file?.download_url)
    if (!url) return []
    const fileType = text(file.file_type)
    const kind = recordingFileKind(fileType)
    const recordingType = text(file.recording_type) ?? fileType?.toLowerCase() ?? 'file'
    // The stem alone is cleaned and shortened; the allowed extension is appended afterwards, so
    // no cut can leave an extension from Zoom's data (`….exe`) at the end of the name.
    // A file without an id of its own: its position alone would be shared by every instance of a
    // recurring meeting on one day (same meeting id, same folder), so the instance's UUID (or
    // the file's URL) is part of its name.
    const fileId = text(file.id) ?? `${position}~${shortHash(text(meeting.uuid) ?? url)}`
    const given = `${recordingType}-${fileId}`
    const extension = extensionOf(file)
    const cleaned = fitSegment(sanitiseSegment(given, 200), MAX_FILE_STEM)
    let stem = cleaned
    // Two files of one recording can come out alike once cleaned (ids that differ only in a
    // character no file name holds, or one id listed twice): taken for one download, only one
    // would be saved, and "move to Zoom's trash" would then trash the other unsaved. A later one
    // gets a hash of its own id and place. Files left out by the type choice still take their
    // names, so a file's name does not depend on that choice.
    for (let round = 0; taken.has(`${stem}.${extension}`); round++) stem = fitSegment(`${cleaned}~${shortHash(`${given}\n${position}\n${round}`)}`, MAX_FILE_STEM)
    taken.add(`${stem}.${extension}`)
    if (options.kinds && !options.kinds.includes(kind)) return []
    return [{ file, url, recordingType, stem, extension, kind }]
  })
  const topicText = truncateUtf8(sanitiseSegment(topic, 200), 90)
  const idSuffix = ` (${fitSegment(sanitiseSegment(meetingId, 200), MAX_MEETING_ID)})`
  let hostFolder = fitSegment(sanitiseFolderSegment(host), MAX_HOST)
  // Every file of a meeting shares its folder, sized for the longest file name.
  const longestName = Math.max(0, ...downloadable.map((d) => d.stem.length + 1 + d.extension.length))
  // Separators: folder/host/day/topic (id)/name.
  const fixed = (options.folder?.length ?? 0) + 4 + day.length + idSuffix.length + longestName
  const topicRoom = MAX_WHOLE_PATH - fixed - hostFolder.length
  if (topicRoom < MIN_TOPIC) hostFolder = fitSegment(hostFolder, Math.max(MIN_HOST, hostFolder.length - (MIN_TOPIC - topicRoom)))
  const topicFolder = sanitiseFolderSegment(`${truncateChars(topicText, Math.max(MIN_TOPIC, MAX_WHOLE_PATH - fixed - hostFolder.length))}${idSuffix}`, 160)
  // A download folder so deep that even the shortest host and topic do not fit: the file names
  // give up their readable part and keep a short unique one.
  const nameRoom = MAX_WHOLE_PATH - ((options.folder?.length ?? 0) + 4 + hostFolder.length + day.length + topicFolder.length)
  const named = downloadable.map((d) => {
    const stem = d.stem.length + 1 + d.extension.length > nameRoom ? fitSegment(d.stem, Math.max(MIN_FILE_STEM, nameRoom - 1 - d.extension.length)) : d.stem
    return { ...d, name: `${stem}.${d.extension}` }
  })
  return named.map(({ file, url, recordingType, name, kind }) => ({
    url,
    fileSize: typeof file.file_size === 'number' && file.file_size > 0 ? file.file_size : 0,
    segments: [hostFolder, day, topicFolder, name],
    meetingTopic: topic,
    recordingType,
    kind,
  }))
}

/** An allowed extension: Zoom's file_extension when it is one, else the one of its file_type. */
function extensionOf(file: RecordingFile): string {
  const given = text(file.file_extension)?.toLowerCase()
  if (given !== undefined && RECORDING_EXTENSIONS.has(given)) return given
  const fileType = text(file.file_type)?.toUpperCase()
  const byType = fileType === undefined ? undefined : EXTENSIONS[fileType]
  return byType !== undefined && RECORDING_EXTENSIONS.has(byType) ? byType : UNKNOWN_EXTENSION
}

/**
 * `segment` cut to `maxLength` UTF-16 units. A cut one ends in `~` and a hash of the whole, so two
 * long values that share their start (two file ids, two hosts) still get different names.
 */
function fitSegment(segment: string, maxLength: number): string {
  if (segment.length <= maxLength) return segment
  const hash = createHash('sha256').update(segment).digest('hex').slice(0, HASH_LENGTH)
  const start = truncateChars(segment, Math.max(0, maxLength - HASH_LENGTH - 1)).replace(/[. ]+$/, '')
  return `${start}~${hash}`
}

const shortHash = (value: string): string => createHash('sha256').update(value).digest('hex').slice(0, HASH_LENGTH)

export const relativePathOf = (file: PlannedFile): string => join(...file.segments)

function dayOf(start: string): string {
  const time = Date.parse(start)
  return Number.isNaN(time) ? start.slice(0, 10) : new Date(time).toISOString().slice(0, 10)
}
