// Zoom Phone: which users have a phone licence, their extensions and sites, and call history
// generated per day (account-wide) or per user, in time order so page offsets stay stable as
// the clock moves on.
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash2, hash3, hash4, idFrom, pick, unit } from '../hash'
import { IndexIds } from '../ids'
import type { UserDirectory } from './users'
import { DEPARTMENTS } from './vocabulary'

export type PhoneStatus = 'activate' | 'deactivate' | 'pending'

/** The facts of one call the call-history filters test (`h` keys the rest of its record). */
export interface CallFacts {
  h: number
  direction: 'inbound' | 'outbound'
  result: string
  recordingStatus: 'recorded' | 'non_recorded'
}

const SITE_NAMES = ['Main Site', 'London Office', 'Tokyo Office', 'Remote Workers']
const CALLING_PLANS = [
  { name: 'US/CA Unlimited Calling', type: 200 },
  { name: 'Global Select', type: 3098 },
  { name: 'Metered US/CA', type: 100 },
]
const CALL_RESULTS = ['answered', 'answered', 'answered', 'answered', 'answered', 'answered', 'voicemail', 'no_answer', 'hang_up', 'abandoned']

const ACCOUNT_ONLY_FIELDS = new Set(['call_result', 'duration', 'international', 'department', 'cost_center', 'site_id', 'site_name', 'recording_status'])

export class PhoneSystem {
  private phoneUsers: Int32Array | undefined
  private readonly filtered = new Map<string, Int32Array>()
  private readonly ids: IndexIds
  readonly sites: { id: string; name: string }[]

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.ids = new IndexIds(seed, 0x9407)
    this.sites = SITE_NAMES.map((name, k) => ({ id: idFrom(seed, hash2(0x9408, k), 22), name }))
  }

  hasPhone(u: number): boolean {
    return u === 0 || (this.users.statusOf(u) !== 'pending' && unit(hash3(this.seed, u, 0x9409)) < 0.6)
  }

  /** Indices of users with a phone licence (computed on first use). */
  all(): Int32Array {
    if (this.phoneUsers === undefined) {
      const list: number[] = []
      for (let u = 0; u < this.users.count; u++) if (this.hasPhone(u)) list.push(u)
      this.phoneUsers = Int32Array.from(list)
    }
    return this.phoneUsers
  }

  status(u: number): PhoneStatus {
    if (this.users.statusOf(u) === 'inactive') return 'deactivate'
    return unit(hash3(this.seed, u, 0x940a)) < 0.92 ? 'activate' : 'pending'
  }

  site(u: number): { id: string; name: string } {
    return pick(this.sites, hash3(this.seed, u, 0x940b))
  }

  department(u: number): string {
    return pick(DEPARTMENTS, hash3(this.seed, u, 0x940c))
  }

  extension(u: number): number {
    return 10_000 + u
  }

  phoneUserId(u: number): string {
    return this.ids.encode(u)
  }

  /** Phone users matching the list filters, memoised per filter combination. */
  matching(filters: { status?: string; siteId?: string; department?: string; keyword?: string }): Int32Array {
    const key = `${filters.status ?? ''}|${filters.siteId ?? ''}|${filters.department ?? ''}|${filters.keyword ?? ''}`
    if (key === '|||') return this.all()
    let hit = this.filtered.get(key)
    if (hit === undefined) {
      const keyword = filters.keyword?.toLowerCase()
      hit = this.all().filter((u) =>
        (filters.status === undefined || this.status(u) === filters.status)
        && (filters.siteId === undefined || this.site(u).id === filters.siteId)
        && (filters.department === undefined || this.department(u) === filters.department)
        && (keyword === undefined || this.users.email(u).includes(keyword) || `${this.users.firstName(u)} ${this.users.lastName(u)}`.toLowerCase().includes(keyword) || String(this.extension(u)).includes(keyword)))
      if (this.filtered.size >= 64) this.filtered.delete(this.filtered.keys().next().value!)
      this.filtered.set(key, hit)
    }
    return hit
  }

  user(u: number): Record<string, unknown> {
    const phoneUserId = this.phoneUserId(u)
    const plan = pick(CALLING_PLANS, hash3(this.seed, u, 0x940d))
    const status = this.status(u)
    const hasNumber = unit(hash3(this.seed, u, 0x940e)) < 0.6
    return {
      // Zoom's Phone file: `id` is "the unique identifier of the user (userId)", the one
      // /phone/users/{userId}/… take; `phone_user_id` is Zoom Phone's own identifier.
      id: this.users.userId(u),
      phone_user_id: phoneUserId,
      name: `${this.users.firstName(u)} ${this.users.lastName(u)}`,
      email: this.users.email(u),
      extension_id: idFrom(this.seed, hash2(0x940f, u), 22),
      extension_number: this.extension(u),
      status,
      activation_status: status === 'activate' ? 'activated' : status === 'pending' ? 'ready to activate' : 'not ready',
      site: this.site(u),
      calling_plans: [{ ...plan, billing_account_id: 'sandbox-billing', billing_account_name: 'Sandbox Co' }],
      phone_numbers: hasNumber ? [{ id: idFrom(this.seed, hash2(0x9410, u), 22), number: this.did(u) }] : [],
      department: this.department(u),
      cost_center: `CC-${between(hash3(this.seed, u, 0x9411), 100, 999)}`,
    }
  }

  did(u: number): string {
    return `+1408555${String(u % 10_000).padStart(4, '0')}`
  }

  /** Account-wide calls on one UTC day. */
  callsOnDay(dayMs: number): number {
    const day = Math.floor(dayMs / DAY_MS)
    const weekday = (day + 4) % 7
    const rate = weekday === 0 || weekday === 6 ? 0.3 : 1.5
    return Math.round(this.all().length * rate * (0.8 + 0.4 * unit(hash2(this.seed, day * 7 + 0x94))))
  }

  /** Calls of one user on one UTC day. */
  userCallsOnDay(u: number, dayMs: number): number {
    const day = Math.floor(dayMs / DAY_MS)
    const weekday = (day + 4) % 7
    return between(hash3(this.seed, u, day), 0, weekday === 0 || weekday === 6 ? 1 : 4)
  }

  /** Start of call j of n on a day: spread through the day in order, with jitter. */
  callStartMs(dayMs: number, j: number, n: number, salt: number): number {
    return dayMs + Math.floor(((j + unit(hash3(this.seed, salt, j))) * DAY_MS) / n)
  }

  /** Keys the calls of a day: account-wide, or one owner's. */
  callSalt(dayMs: number, owner?: number): number {
    return owner === undefined ? Math.floor(dayMs / DAY_MS) : hash2(owner, Math.floor(dayMs / DAY_MS))
  }

  /**
   * What the call-history filters look at (direction, result, recording), without building the
   * record: a filtered list checks every call of its window, so this stays a few hashes.
   */
  callFacts(dayMs: number, j: number, owner?: number): CallFacts {
    const h = hash4(this.seed, this.callSalt(dayMs, owner), j, 0x9420)
    return {
      h,
      direction: unit(hash2(h, 3)) < 0.5 ? 'outbound' : 'inbound',
      result: pick(CALL_RESULTS, hash2(h, 4)),
      recordingStatus: unit(hash2(h, 12)) < 0.15 ? 'recorded' : 'non_recorded',
    }
  }

  /** A call history record; `owner` takes part in the call when given (per-user history). */
  call(dayMs: number, j: number, n: number, owner?: number): Record<string, unknown> {
    const salt = this.callSalt(dayMs, owner)
    const facts = this.callFacts(dayMs, j, owner)
    const h = facts.h
    const phoneUsers = this.all()
    const me = owner ?? phoneUsers[h % phoneUsers.length]!
    const internal = unit(hash2(h, 1)) < 0.3
    const peer = phoneUsers[hash2(h, 2) % phoneUsers.length]!
    const outbound = facts.direction === 'outbound'
    const result = facts.result
    const start = this.callStartMs(dayMs, j, n, salt)
    const ring = between(hash2(h, 5), 3, 25) * 1000
    const talk = result === 'answered' ? between(hash2(h, 6), 20, 1800) : result === 'voicemail' ? between(hash2(h, 6), 10, 90) : 0
    const answer = result === 'answered' || result === 'voicemail' ? start + ring : undefined
    const end = start + ring + talk * 1000
    const self = this.party(me)
    const other = internal ? this.party(peer) : this.externalParty(hash2(h, 7))
    const [caller, callee] = outbound ? [self, other] : [other, self]
    const callId = `${7_000_000 + Math.floor(dayMs / DAY_MS)}${String(hash2(h, 8) % 1_000_000_000).padStart(9, '0')}${String(j % 1000).padStart(3, '0')}`
    const record: Record<string, unknown> = {
      id: `${idFrom(this.seed, h, 8)}-${idFrom(this.seed, hash2(h, 9), 4)}-${idFrom(this.seed, hash2(h, 10), 12)}`,
      call_id: callId,
      direction: outbound ? 'outbound' : 'inbound',
      international: !internal && unit(hash2(h, 11)) < 0.05,
      start_time: isoSeconds(start),
      end_time: isoSeconds(end),
      duration: talk,
      connect_type: internal ? 'internal' : 'external',
      call_type: 'general',
      call_result: result,
      hide_caller_id: false,
      end_to_end: false,
      department: this.department(me),
      cost_center: `CC-${between(hash3(this.seed, me, 0x9411), 100, 999)}`,
      site_id: this.site(me).id,
      site_name: this.site(me).name,
      recording_status: facts.recordingStatus,
    }
    if (answer !== undefined) record.answer_time = isoSeconds(answer)
    for (const [prefix, party] of [['caller', caller], ['callee', callee]] as const) {
      for (const [key, value] of Object.entries(party)) record[`${prefix}_${key}`] = value
    }
    return record
  }

  /**
   * The per-user call history uses another item shape in Zoom's schema: `result` and
   * `talk_time` instead of `call_result` and `duration`, an `event`, no site fields.
   */
  userCall(dayMs: number, j: number, n: number, owner: number): Record<string, unknown> {
    const record = this.call(dayMs, j, n, owner)
    const item: Record<string, unknown> = { event: record.direction === 'outbound' ? 'outgoing' : 'incoming', result: record.call_result, talk_time: record.duration }
    for (const [key, value] of Object.entries(record)) if (!ACCOUNT_ONLY_FIELDS.has(key)) item[key] = value
    return item
  }

  private party(u: number): Record<string, string> {
    return {
      ext_id: idFrom(this.seed, hash2(0x940f, u), 22),
      did_number: this.did(u),
      ext_number: String(this.extension(u)),
      name: `${this.users.firstName(u)} ${this.users.lastName(u)}`,
      email: this.users.email(u),
      ext_type: 'user',
      number_type: 'zoom_pstn',
      country_iso_code: 'US',
      country_code: '1',
    }
  }

  private externalParty(h: number): Record<string, string> {
    return {
      did_number: `+1${between(h, 201, 989)}555${String(between(hash2(h, 1), 0, 9999)).padStart(4, '0')}`,
      name: 'External caller',
      number_type: 'external_pstn',
      country_iso_code: 'US',
      country_code: '1',
    }
  }
}
