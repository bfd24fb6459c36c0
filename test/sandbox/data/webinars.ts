// Webinars: only some licensed users have the webinar add-on; the others get Zoom's
// "Webinar plan is missing" error. Webinar ids encode the user and the webinar number, so
// PATCH and DELETE /webinars/{id} need no table; the ones created through the API take the
// numbers after their user's generated webinars.
import type { MeetingWrite } from './meetings'
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash3, hash4, pick, unit, zoomUuid } from '../hash'
import { SessionWrites } from './session-writes'
import type { UserDirectory } from './users'
import { WEBINAR_TOPICS } from './vocabulary'

const PER_USER = 8

/** What POST /users/{userId}/webinars and PATCH /webinars/{webinarId} set. */
/** A webinar write keeps the same fields as a meeting's. */
export type WebinarWrite = MeetingWrite

export class WebinarBook {
  /** What POST, PATCH and DELETE did to webinars. */
  private readonly writes: SessionWrites<WebinarWrite>

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.writes = new SessionWrites(91_000_000_000 + (seed % 97) * 10_000_000, PER_USER, () => users.count, (u) => this.count(u))
  }

  hasWebinarPlan(u: number): boolean {
    return u === 0 || (!this.users.createdThroughApi(u) && this.users.type(u) === 2 && this.users.statusOf(u) === 'active' && unit(hash3(this.seed, u, 0x3eb1)) < 0.15)
  }

  /** Generated webinars of user u (some may have been deleted since). */
  count(u: number): number {
    return this.hasWebinarPlan(u) ? between(hash3(this.seed, u, 0x3eb2), 0, 4) : 0
  }

  webinarId(u: number, n: number): number {
    return this.writes.id(u, n)
  }

  /** Every webinar number of user u: the generated ones left and those created through the API. */
  numbers(u: number): number[] {
    return this.writes.numbers(u)
  }

  /** The (user, number) a webinar id was made from; undefined if no such webinar (or deleted). */
  locate(id: number): { u: number; n: number } | undefined {
    return this.writes.locate(id)
  }

  /** Creates a webinar for user u; undefined when the user has no room for more. */
  create(u: number, fields: WebinarWrite, nowMs: number): { u: number; n: number } | undefined {
    return this.writes.create(u, fields, nowMs)
  }

  update(u: number, n: number, fields: WebinarWrite): void {
    this.writes.update(u, n, fields)
  }

  remove(u: number, n: number): void {
    this.writes.remove(u, n)
  }

  startMs(u: number, n: number): number {
    const written = this.writes.written(u, n)?.start_time
    if (written !== undefined) return Date.parse(written)
    const createdMs = this.writes.createdMs(u, n)
    if (createdMs !== undefined) return createdMs
    return this.users.anchorMs + between(hash4(this.seed, u, n, 0x3eb3), -20, 60) * DAY_MS + between(hash4(this.seed, u, n, 0x3eb4), 56, 72) * 15 * 60_000
  }

  summary(u: number, n: number): Record<string, unknown> {
    const id = this.webinarId(u, n)
    const createdMs = this.writes.createdMs(u, n)
    const created = createdMs !== undefined
    const written = this.writes.written(u, n)
    const r = unit(hash4(this.seed, u, n, 0x3eb5))
    // Zoom's default type for a new webinar is 5 (a webinar).
    const type = written?.type ?? (created ? 5 : r < 0.8 ? 5 : r < 0.9 ? 9 : 6)
    const start = this.startMs(u, n)
    const webinar: Record<string, unknown> = {
      id,
      uuid: zoomUuid(this.seed, hash3(0x3eb6, u, n)),
      host_id: this.users.userId(u),
      topic: written?.topic ?? (created ? 'Zoom Webinar' : pick(WEBINAR_TOPICS, hash4(this.seed, u, n, 0x3eb7))),
      type,
      duration: written?.duration ?? (created ? 60 : pick([45, 60, 90], hash4(this.seed, u, n, 0x3eb8))),
      timezone: written?.timezone ?? this.users.timezone(u),
      agenda: written?.agenda ?? '',
      created_at: isoSeconds(createdMs ?? Math.min(start, this.users.anchorMs) - 14 * DAY_MS),
      join_url: `https://sandbox.zoom.us/w/${id}`,
      is_simulive: !created && r > 0.97,
    }
    if (type !== 6) webinar.start_time = isoSeconds(start)
    return webinar
  }

  /** POST /users/{userId}/webinars' answer: the summary with the host's e-mail and start URL. */
  detail(u: number, n: number): Record<string, unknown> {
    const summary = this.summary(u, n)
    return { ...summary, host_email: this.users.email(u), start_url: `https://sandbox.zoom.us/s/${String(summary.id)}?zak=sandbox`, creation_source: 'open_api' }
  }
}
