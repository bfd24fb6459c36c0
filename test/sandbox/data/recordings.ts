// Cloud recordings over the last 180 days, with files of modest, deterministic size. Each
// file's id encodes (user, recording, file), and its bytes are a pure function of (seed, id,
// offset), so downloads and Range requests need no storage.
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash3, hash4, mix32, pick, unit, zoomUuid } from '../hash'
import { IndexIds } from '../ids'
import type { UserDirectory } from './users'
import { MEETING_TOPICS } from './vocabulary'

const MAX_PER_USER = 16
const FILES_PER_RECORDING = 4
export const RECORDING_HISTORY_DAYS = 180

interface FileKind {
  file_type: string
  file_extension: string
  recording_type: string
  contentType: string
  minBytes: number
  maxBytes: number
  share: number
}

const FILE_KINDS: readonly FileKind[] = [
  { file_type: 'MP4', file_extension: 'MP4', recording_type: 'shared_screen_with_speaker_view', contentType: 'video/mp4', minBytes: 200_000, maxBytes: 2_000_000, share: 1 },
  { file_type: 'M4A', file_extension: 'M4A', recording_type: 'audio_only', contentType: 'audio/mp4', minBytes: 50_000, maxBytes: 400_000, share: 0.8 },
  { file_type: 'TRANSCRIPT', file_extension: 'VTT', recording_type: 'audio_transcript', contentType: 'text/vtt', minBytes: 10_000, maxBytes: 40_000, share: 0.5 },
  { file_type: 'CHAT', file_extension: 'TXT', recording_type: 'chat_file', contentType: 'text/plain', minBytes: 10_000, maxBytes: 20_000, share: 0.4 },
]

export interface RecordingFile {
  u: number
  r: number
  f: number
  id: string
  size: number
  kind: FileKind
}

export class RecordingLibrary {
  private readonly fileIds: IndexIds
  private readonly base: number
  /** Recordings moved to the trash (DELETE …/recordings?action=trash) and deleted for good, as `u:r`. */
  private readonly trashed = new Set<string>()
  private readonly deleted = new Set<string>()

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.fileIds = new IndexIds(seed, 0x7ec0, 30)
    this.base = 85_000_000_000 + (seed % 97) * 10_000_000
  }

  count(u: number): number {
    const status = this.users.statusOf(u)
    if (status === 'pending' || this.users.type(u) !== 2 || this.users.createdThroughApi(u)) return 0
    return between(hash3(this.seed, u, 0x7ec1), status === 'active' ? 0 : 0, status === 'active' ? 12 : 2)
  }

  startMs(u: number, r: number): number {
    return this.users.anchorMs - between(hash4(this.seed, u, r, 1), 0, RECORDING_HISTORY_DAYS - 1) * DAY_MS
      + between(hash4(this.seed, u, r, 2), 28, 72) * 15 * 60_000
  }

  /** Recordings of user u whose start falls in [fromMs, toMs), newest first; `trash` lists the trashed ones instead. */
  inWindow(u: number, fromMs: number, toMs: number, trash = false): number[] {
    const found: number[] = []
    for (let r = 0, n = this.count(u); r < n; r++) {
      const key = `${u}:${r}`
      if (this.deleted.has(key) || this.trashed.has(key) !== trash) continue
      const start = this.startMs(u, r)
      if (start >= fromMs && start < toMs) found.push(r)
    }
    return found.sort((a, b) => this.startMs(u, b) - this.startMs(u, a))
  }

  /** The meeting instance's UUID. */
  uuid(u: number, r: number): string {
    return zoomUuid(this.seed, hash3(0x7ec2, u, r))
  }

  /** A recording by meeting UUID, or by meeting ID (then its latest instance, as Zoom does). */
  find(meetingId: string): { u: number; r: number } | undefined {
    let latest: { u: number; r: number } | undefined
    for (let u = 0; u < this.users.count; u++) {
      for (let r = 0, n = this.count(u); r < n; r++) {
        if (this.deleted.has(`${u}:${r}`)) continue
        if (this.uuid(u, r) === meetingId) return { u, r }
        if (String(this.meetingId(u, r)) === meetingId && (!latest || this.startMs(u, r) > this.startMs(latest.u, latest.r))) latest = { u, r }
      }
    }
    return latest
  }

  /** Moves a recording to the trash, or deletes it for good. */
  remove(u: number, r: number, action: 'trash' | 'delete'): void {
    if (action === 'trash') this.trashed.add(`${u}:${r}`)
    else this.deleted.add(`${u}:${r}`)
  }

  isTrashed(u: number, r: number): boolean {
    return this.trashed.has(`${u}:${r}`)
  }

  meetingId(u: number, r: number): number {
    return this.base + u * MAX_PER_USER + r
  }

  files(u: number, r: number): RecordingFile[] {
    const files: RecordingFile[] = []
    FILE_KINDS.forEach((kind, f) => {
      if (f > 0 && unit(hash4(this.seed, u, r, 10 + f)) >= kind.share) return
      const n = (u * MAX_PER_USER + r) * FILES_PER_RECORDING + f
      files.push({ u, r, f, id: this.fileIds.encode(n), size: between(hash4(this.seed, u, r, 20 + f), kind.minBytes, kind.maxBytes), kind })
    })
    return files
  }

  /** The file a download id names, or undefined. */
  file(id: string): RecordingFile | undefined {
    const n = this.fileIds.decode(id)
    if (n === undefined) return undefined
    const f = n % FILES_PER_RECORDING
    const r = Math.floor(n / FILES_PER_RECORDING) % MAX_PER_USER
    const u = Math.floor(n / (FILES_PER_RECORDING * MAX_PER_USER))
    if (u >= this.users.count || r >= this.count(u)) return undefined
    return this.files(u, r).find((file) => file.f === f)
  }

  meeting(u: number, r: number, baseUrl: string): Record<string, unknown> {
    const start = this.startMs(u, r)
    const duration = between(hash4(this.seed, u, r, 3), 10, 90)
    const end = start + duration * 60_000
    const meetingId = this.meetingId(u, r)
    const uuid = this.uuid(u, r)
    const files = this.files(u, r).map((file) => ({
      id: file.id,
      meeting_id: uuid,
      recording_start: isoSeconds(start),
      recording_end: isoSeconds(end),
      file_type: file.kind.file_type,
      file_extension: file.kind.file_extension,
      file_size: file.size,
      play_url: `${baseUrl}/rec/play/${file.id}`,
      download_url: `${baseUrl}/rec/download/${file.id}`,
      status: 'completed',
      recording_type: file.kind.recording_type,
    }))
    return {
      uuid,
      id: meetingId,
      account_id: this.users.accountId,
      host_id: this.users.userId(u),
      topic: pick(MEETING_TOPICS, hash4(this.seed, u, r, 4)),
      type: '2',
      start_time: isoSeconds(start),
      duration,
      total_size: files.reduce((sum, file) => sum + file.file_size, 0),
      recording_count: files.length,
      recording_files: files,
    }
  }
}

/**
 * Fills `target` with the bytes of `file` from `offset`. Each 4-byte word is a hash of
 * (file seed, word index), so any range is computed without the bytes before it.
 */
export function fileBytes(seed: number, file: RecordingFile, offset: number, target: Buffer): void {
  const fileSeed = hash3(seed, file.r, (file.u * FILES_PER_RECORDING + file.f) | 0)
  let word = Math.floor(offset / 4)
  let value = mix32(fileSeed ^ Math.imul(word, 0x9e3779b1))
  for (let k = 0, p = offset; k < target.length; k++, p++) {
    const w = Math.floor(p / 4)
    if (w !== word) {
      word = w
      value = mix32(fileSeed ^ Math.imul(word, 0x9e3779b1))
    }
    target[k] = (value >>> ((p & 3) * 8)) & 0xff
  }
}
