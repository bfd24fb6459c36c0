// Webinars: only some licensed users have the webinar add-on; the others get Zoom's
// "Webinar plan is missing" error.
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash3, hash4, idFrom, pick, unit } from '../hash'
import type { UserDirectory } from './users'
import { WEBINAR_TOPICS } from './vocabulary'

export class WebinarBook {
  private readonly base: number

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.base = 91_000_000_000 + (seed % 97) * 10_000_000
  }

  hasWebinarPlan(u: number): boolean {
    return u === 0 || (this.users.type(u) === 2 && this.users.statusOf(u) === 'active' && unit(hash3(this.seed, u, 0x3eb1)) < 0.15)
  }

  count(u: number): number {
    return this.hasWebinarPlan(u) ? between(hash3(this.seed, u, 0x3eb2), 0, 4) : 0
  }

  startMs(u: number, n: number): number {
    return this.users.anchorMs + between(hash4(this.seed, u, n, 0x3eb3), -20, 60) * DAY_MS + between(hash4(this.seed, u, n, 0x3eb4), 56, 72) * 15 * 60_000
  }

  summary(u: number, n: number): Record<string, unknown> {
    const id = this.base + u * 8 + n
    const r = unit(hash4(this.seed, u, n, 0x3eb5))
    const type = r < 0.8 ? 5 : r < 0.9 ? 9 : 6
    const start = this.startMs(u, n)
    const webinar: Record<string, unknown> = {
      id,
      uuid: `${idFrom(this.seed, hash3(0x3eb6, u, n), 22)}==`,
      host_id: this.users.userId(u),
      topic: pick(WEBINAR_TOPICS, hash4(this.seed, u, n, 0x3eb7)),
      type,
      duration: pick([45, 60, 90], hash4(this.seed, u, n, 0x3eb8)),
      timezone: this.users.timezone(u),
      agenda: '',
      created_at: isoSeconds(Math.min(start, this.users.anchorMs) - 14 * DAY_MS),
      join_url: `https://sandbox.zoom.us/w/${id}`,
      is_simulive: r > 0.97,
    }
    if (type !== 6) webinar.start_time = isoSeconds(start)
    return webinar
  }
}
