// Scheduled meetings per user, derived from (seed, user, n). Meeting ids encode the user and
// the meeting number, so GET /meetings/{id} needs no table.
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash3, hash4, idFrom, pick, unit, zoomUuid } from '../hash'
import { MEETING_TOPICS } from './vocabulary'
import { SessionWrites } from './session-writes'
import type { UserDirectory } from './users'

const PER_USER = 64
const DURATIONS = [15, 30, 30, 45, 60, 60, 90]

export interface MeetingSummary {
  id: number
  uuid: string
  host_id: string
  topic: string
  type: number
  start_time?: string
  duration?: number
  timezone: string
  agenda: string
  created_at: string
  join_url: string
}

/** What POST /users/{userId}/meetings and PATCH /meetings/{meetingId} set. */
export interface MeetingWrite {
  topic?: string
  type?: number
  start_time?: string
  duration?: number
  timezone?: string
  agenda?: string
}

export class MeetingBook {
  /** What POST, PATCH and DELETE did to meetings. */
  private readonly writes: SessionWrites<MeetingWrite>

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.writes = new SessionWrites(81_000_000_000 + (seed % 97) * 10_000_000, PER_USER, () => users.count, (u) => this.count(u))
  }

  count(u: number): number {
    const status = this.users.statusOf(u)
    if (status === 'pending' || this.users.createdThroughApi(u)) return 0
    const h = hash3(this.seed, u, 0x3ee7)
    return status === 'active' ? between(h, 0, 8) : between(h, 0, 1)
  }

  meetingId(u: number, n: number): number {
    return this.writes.id(u, n)
  }

  /** The (user, number) a meeting id was made from; undefined if no such meeting (or deleted). */
  locate(id: number): { u: number; n: number } | undefined {
    return this.writes.locate(id)
  }

  /** Every meeting number of user u: the generated ones left and those created through the API. */
  numbers(u: number): number[] {
    return this.writes.numbers(u)
  }

  /** Creates a meeting for user u; undefined when the user has no room for more. */
  create(u: number, fields: MeetingWrite, nowMs: number): { u: number; n: number } | undefined {
    return this.writes.create(u, fields, nowMs)
  }

  update(u: number, n: number, fields: MeetingWrite): void {
    this.writes.update(u, n, fields)
  }

  remove(u: number, n: number): void {
    this.writes.remove(u, n)
  }

  private written(u: number, n: number): MeetingWrite | undefined {
    return this.writes.written(u, n)
  }

  /** 2 scheduled, 8 recurring with fixed time, 3 recurring with no fixed time. */
  type(u: number, n: number): number {
    const written = this.written(u, n)?.type
    if (written !== undefined) return written
    if (this.writes.createdMs(u, n) !== undefined) return 2
    const r = unit(hash4(this.seed, u, n, 1))
    return r < 0.65 ? 2 : r < 0.9 ? 8 : 3
  }

  startMs(u: number, n: number): number {
    const written = this.written(u, n)?.start_time
    if (written !== undefined) return Date.parse(written)
    const createdMs = this.writes.createdMs(u, n)
    if (createdMs !== undefined) return createdMs
    const day = between(hash4(this.seed, u, n, 2), -30, 45)
    const slot = between(hash4(this.seed, u, n, 3), 28, 72) // quarter hours from 07:00 to 18:00 UTC
    return this.users.anchorMs + day * DAY_MS + slot * 15 * 60_000
  }

  durationMin(u: number, n: number): number {
    const written = this.written(u, n)?.duration
    if (written !== undefined) return written
    if (this.writes.createdMs(u, n) !== undefined) return 60
    return pick(DURATIONS, hash4(this.seed, u, n, 4))
  }

  summary(u: number, n: number): MeetingSummary {
    const id = this.meetingId(u, n)
    const type = this.type(u, n)
    const start = this.startMs(u, n)
    const meeting: MeetingSummary = {
      id,
      uuid: zoomUuid(this.seed, hash3(0x0cc1, u, n)),
      host_id: this.users.userId(u),
      topic: this.written(u, n)?.topic ?? (this.writes.createdMs(u, n) !== undefined ? 'Zoom Meeting' : pick(MEETING_TOPICS, hash4(this.seed, u, n, 5))),
      type,
      timezone: this.written(u, n)?.timezone ?? this.users.timezone(u),
      agenda: this.written(u, n)?.agenda ?? '',
      // Created before it starts, and never in the future.
      created_at: isoSeconds(this.writes.createdMs(u, n) ?? Math.min(start, this.users.anchorMs) - between(hash4(this.seed, u, n, 6), 1, 30) * DAY_MS),
      join_url: `https://sandbox.zoom.us/j/${id}?pwd=${idFrom(this.seed, hash3(0x0cc2, u, n), 16)}`,
    }
    if (type !== 3) {
      meeting.start_time = isoSeconds(start)
      meeting.duration = this.durationMin(u, n)
    }
    return meeting
  }

  /** GET /meetings/{id}: the summary plus settings, passwords and recurrence. */
  detail(u: number, n: number, nowMs: number): Record<string, unknown> {
    const summary = this.summary(u, n)
    const password = String(between(hash4(this.seed, u, n, 7), 100_000, 999_999))
    const start = this.startMs(u, n)
    const detail: Record<string, unknown> = {
      ...summary,
      host_email: this.users.email(u),
      assistant_id: '',
      status: 'waiting',
      start_url: `https://sandbox.zoom.us/s/${summary.id}?zak=sandbox`,
      password,
      h323_password: password,
      pstn_password: password,
      encrypted_password: idFrom(this.seed, hash3(0x0cc2, u, n), 32),
      pre_schedule: false,
      creation_source: pick(['web_portal', 'open_api', 'other'], hash4(this.seed, u, n, 8)),
      settings: {
        host_video: unit(hash4(this.seed, u, n, 9)) < 0.6,
        participant_video: unit(hash4(this.seed, u, n, 10)) < 0.4,
        join_before_host: false,
        jbh_time: 0,
        mute_upon_entry: true,
        waiting_room: unit(hash4(this.seed, u, n, 11)) < 0.7,
        approval_type: 2,
        audio: 'both',
        auto_recording: unit(hash4(this.seed, u, n, 12)) < 0.3 ? 'cloud' : 'none',
        meeting_authentication: false,
        use_pmi: false,
        watermark: false,
        email_notification: true,
      },
    }
    if (summary.type === 8) {
      detail.recurrence = { type: 2, repeat_interval: 1, weekly_days: String(((Math.floor(start / DAY_MS) + 4) % 7) + 1), end_times: 6 }
      detail.occurrences = Array.from({ length: 6 }, (_, k) => {
        const at = start + k * 7 * DAY_MS
        return { occurrence_id: String(at), start_time: isoSeconds(at), duration: summary.duration ?? 30, status: at < nowMs - DAY_MS ? 'deleted' : 'available' }
      })
    } else if (summary.type === 3) {
      detail.recurrence = { type: 1, repeat_interval: 1 }
    }
    return detail
  }
}
