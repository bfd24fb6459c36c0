// The account's users, derived per index from the seed: nothing is built up front except one
// byte per user (its status), so 100,000 users are ready in milliseconds. Users created, changed,
// (de)activated or deleted through the API are kept as overrides on top of the seeded ones; users
// created take the indexes after the seeded ones.
import { DAY_MS, isoSeconds } from '../clock'
import { between, hash2, hash3, idFrom, pick, unit } from '../hash'
import { IndexIds } from '../ids'
import { CLIENT_VERSIONS, DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LANGUAGES, LAST_NAMES, LOCATIONS, TIME_ZONES } from './vocabulary'

export type UserStatus = 'active' | 'inactive' | 'pending'
const STATUSES: readonly UserStatus[] = ['active', 'inactive', 'pending']

export const EMAIL_DOMAIN = 'sandbox.example.com'

/** Salts that keep the per-field hashes independent. */
const F = { status: 1, type: 2, role: 3, first: 4, last: 5, tz: 6, dept: 7, created: 8, login: 9, pmi: 10, verified: 11, client: 12, lang: 13, group: 14, title: 15, location: 16, hostKey: 17, phone: 18 } as const

export interface ListUser {
  id: string
  first_name: string
  last_name: string
  display_name: string
  email: string
  type: number
  pmi?: number
  timezone: string
  verified: number
  dept: string
  created_at: string
  user_created_at: string
  last_login_time?: string
  last_client_version?: string
  status: UserStatus
  role_id: string
  group_ids: string[]
  im_group_ids: string[]
  custom_attributes?: { key: string; name: string; value: string }[]
  host_key?: string
}

/** The fields POST /users and PATCH /users/{userId} set that the sandbox shows. */
export interface UserWrite {
  email?: string
  first_name?: string
  last_name?: string
  display_name?: string
  type?: number
  dept?: string
  timezone?: string
  job_title?: string
  location?: string
}

export class UserDirectory {
  readonly accountId: string
  readonly accountNumber: number
  private status: Uint8Array
  private byStatus: Record<UserStatus, Int32Array>
  private readonly byRole = new Map<string, Int32Array>()
  private readonly groupIds: string[]
  private readonly ids: IndexIds
  /** Users in the directory, seeded and created (deleted ones keep their index). */
  private size: number
  /** How many users the seed made; the indexes after these were created through the API. */
  private readonly seeded: number
  /** Fields written through the API, by index (empty unless a test writes). */
  private readonly written = new Map<number, UserWrite & { createdMs?: number }>()
  /** Created users by e-mail (lower case): their e-mails are not derived from the index. */
  private readonly createdEmails = new Map<string, number>()
  private readonly deleted = new Set<number>()

  constructor(
    private readonly seed: number,
    count: number,
    /** UTC midnight all dates are relative to. */
    readonly anchorMs: number,
  ) {
    this.size = count
    this.seeded = count
    this.ids = new IndexIds(seed, 0x05e7)
    this.accountId = idFrom(seed, 0xacc0, 22)
    this.accountNumber = between(hash2(seed, 0xacc1), 10_000_000, 99_999_999)
    this.groupIds = [0, 1, 2, 3, 4].map((n) => idFrom(seed, hash2(0x6a0, n), 22))
    this.status = new Uint8Array(count)
    for (let i = 0; i < count; i++) this.status[i] = i === 0 ? 0 : statusCode(hash3(seed, i, F.status))
    this.byStatus = this.indexByStatus()
  }

  /** Users in the directory, deleted ones included (their index stays taken). */
  get count(): number {
    return this.size
  }

  private indexByStatus(): Record<UserStatus, Int32Array> {
    const counts = [0, 0, 0]
    for (let i = 0; i < this.size; i++) if (!this.deleted.has(i)) counts[this.status[i]!]!++
    const lists = counts.map((n) => new Int32Array(n))
    const fill = [0, 0, 0]
    for (let i = 0; i < this.size; i++) {
      if (this.deleted.has(i)) continue
      const s = this.status[i]!
      lists[s]![fill[s]!++] = i
    }
    return { active: lists[0]!, inactive: lists[1]!, pending: lists[2]! }
  }

  /** After a write: the status lists are built again and the role lists forgotten. */
  private reindex(): void {
    this.byStatus = this.indexByStatus()
    this.byRole.clear()
  }

  /** The user exists (was not deleted). */
  exists(i: number): boolean {
    return i >= 0 && i < this.size && !this.deleted.has(i)
  }

  /** Created through POST /users (then it has no seeded meetings, webinars or recordings). */
  createdThroughApi(i: number): boolean {
    return i >= this.seeded
  }

  /** POST /users: a new user with these fields and status; returns its index. */
  create(fields: UserWrite & { email: string; type: number }, status: UserStatus, nowMs: number): number {
    const i = this.size++
    if (this.status.length < this.size) {
      const grown = new Uint8Array(Math.max(16, this.status.length * 2))
      grown.set(this.status)
      this.status = grown
    }
    this.status[i] = STATUSES.indexOf(status)
    this.written.set(i, { ...fields, email: fields.email.toLowerCase(), createdMs: nowMs })
    this.createdEmails.set(fields.email.toLowerCase(), i)
    this.reindex()
    return i
  }

  /** PATCH /users/{userId}. */
  update(i: number, fields: UserWrite): void {
    this.written.set(i, { ...this.written.get(i), ...fields })
  }

  /** PUT /users/{userId}/status: activate or deactivate. */
  setStatus(i: number, status: UserStatus): void {
    this.status[i] = STATUSES.indexOf(status)
    this.reindex()
  }

  /** DELETE /users/{userId}: the user leaves the account (and its lists). */
  remove(i: number): void {
    this.deleted.add(i)
    const email = this.written.get(i)?.email
    if (email !== undefined) this.createdEmails.delete(email)
    this.reindex()
  }

  private field<K extends keyof UserWrite>(i: number, name: K): UserWrite[K] | undefined {
    return this.written.size === 0 ? undefined : this.written.get(i)?.[name]
  }

  statusOf(i: number): UserStatus {
    return STATUSES[this.status[i]!]!
  }

  /** Indices of users with this status (and role, when given), in directory order. */
  indices(status: UserStatus, roleId?: string): Int32Array {
    const all = this.byStatus[status]
    if (roleId === undefined) return all
    const key = `${status}:${roleId}`
    let cached = this.byRole.get(key)
    if (cached === undefined) {
      cached = all.filter((i) => this.roleId(i) === roleId)
      this.byRole.set(key, cached)
    }
    return cached
  }

  /** 22 characters like Zoom's ids; the last 6 encode the index so lookups need no table. */
  userId(i: number): string {
    return this.ids.encode(i)
  }

  email(i: number): string {
    const written = this.field(i, 'email')
    if (written !== undefined) return written
    return `${asciiSlug(this.firstName(i))}.${asciiSlug(this.lastName(i))}.${i}@${EMAIL_DOMAIN}`
  }

  /** Resolves a user id or email to an index; undefined when no such user. */
  resolve(idOrEmail: string): number | undefined {
    if (idOrEmail.includes('@')) {
      const created = this.createdEmails.get(idOrEmail.toLowerCase())
      if (created !== undefined) return this.exists(created) ? created : undefined
      const match = /\.(\d+)@/.exec(idOrEmail)
      const i = match === null ? -1 : Number(match[1])
      return this.exists(i) && this.email(i) === idOrEmail.toLowerCase() ? i : undefined
    }
    const i = this.ids.decode(idOrEmail)
    return i !== undefined && this.exists(i) ? i : undefined
  }

  firstName(i: number): string {
    const written = this.field(i, 'first_name')
    if (written !== undefined) return written
    return i === 0 ? 'Avery' : pick(FIRST_NAMES, hash3(this.seed, i, F.first))
  }

  lastName(i: number): string {
    const written = this.field(i, 'last_name')
    if (written !== undefined) return written
    return i === 0 ? 'Owner' : pick(LAST_NAMES, hash3(this.seed, i, F.last))
  }

  /** 1 Basic, 2 Licensed, 4 Unassigned without Meetings Basic. */
  type(i: number): number {
    const written = this.field(i, 'type')
    if (written !== undefined) return written
    if (i === 0) return 2
    if (this.status[i] === 2) return 1
    const u = unit(hash3(this.seed, i, F.type))
    return u < 0.45 ? 2 : u < 0.95 ? 1 : 4
  }

  /** "0" Owner, "1" Admin, "2" Member. */
  roleId(i: number): string {
    if (i === 0) return '0'
    return unit(hash3(this.seed, i, F.role)) < 0.03 ? '1' : '2'
  }

  roleName(i: number): string {
    return ['Owner', 'Admin', 'Member'][Number(this.roleId(i))]!
  }

  isAdmin(i: number): boolean {
    return this.roleId(i) !== '2'
  }

  timezone(i: number): string {
    const written = this.field(i, 'timezone')
    if (written !== undefined) return written
    return pick(TIME_ZONES, hash3(this.seed, i, F.tz))
  }

  dept(i: number): string {
    const written = this.field(i, 'dept')
    if (written !== undefined) return written
    return pick(DEPARTMENTS, hash3(this.seed, i, F.dept))
  }

  createdMs(i: number): number {
    const written = this.written.size === 0 ? undefined : this.written.get(i)?.createdMs
    if (written !== undefined) return written
    return this.anchorMs - between(hash3(this.seed, i, F.created), 20, 2000) * DAY_MS - between(hash3(this.seed, i, F.created + 100), 0, 86_399) * 1000
  }

  pmi(i: number): number {
    return between(hash3(this.seed, i, F.pmi), 2_000_000_000, 9_999_999_999)
  }

  summary(i: number, includeFields?: string): ListUser {
    return JSON.parse(this.summaryJson(i, includeFields)) as ListUser
  }

  /**
   * The list item of GET /users as JSON text, written directly: pages of 2,000 users are the
   * sandbox's hot path and this is twice as fast as building objects for JSON.stringify.
   * Every string here comes from fixed word lists or ids, memo-escaped with JSON.stringify.
   */
  summaryJson(i: number, includeFields?: string): string {
    const s = this.seed
    // Seeded values are plain words and ids; values written through the API are escaped.
    const lit = this.written.size === 0 ? (text: string) => `"${text}"` : (text: string) => JSON.stringify(text)
    const status = this.status[i]!
    const created = isoSeconds(this.createdMs(i))
    const first = this.firstName(i)
    const last = this.lastName(i)
    let out = `{"id":"${this.userId(i)}","first_name":${q(first)},"last_name":${q(last)},"display_name":${q(this.field(i, 'display_name') ?? `${first} ${last}`)},`
      + `"email":${lit(this.email(i))},"type":${this.type(i)},"timezone":${lit(this.timezone(i))},"verified":${status === 2 ? 0 : 1},`
      + `"dept":${lit(this.dept(i))},"created_at":"${created}","user_created_at":"${created}",`
      + `"status":"${STATUSES[status]}","role_id":"${this.roleId(i)}",`
      + `"group_ids":["${pick(this.groupIds, hash3(s, i, F.group))}"],"im_group_ids":[]`
    if (status !== 2) {
      const daysAgo = status === 0 ? between(hash3(s, i, F.login), 0, 45) : between(hash3(s, i, F.login), 120, 900)
      const login = isoSeconds(this.anchorMs - daysAgo * DAY_MS + between(hash3(s, i, F.login + 100), 0, 86_399) * 1000)
      out += `,"pmi":${this.pmi(i)},"last_login_time":"${login}","last_client_version":"${pick(CLIENT_VERSIONS, hash3(s, i, F.client))}"`
    }
    if (includeFields === 'custom_attributes') {
      out += `,"custom_attributes":[{"key":"cbf_costcenter","name":"Cost center","value":"CC-${between(hash3(s, i, F.dept + 50), 100, 999)}"}]`
    } else if (includeFields === 'host_key') {
      out += `,"host_key":"${String(between(hash3(s, i, F.hostKey), 0, 999_999)).padStart(6, '0')}"`
    }
    return `${out}}`
  }

  /** The single-user object of GET /users/{userId}: the list fields plus profile details. */
  detail(i: number): Record<string, unknown> {
    const s = this.seed
    const user: Record<string, unknown> = { ...this.summary(i) }
    const pmi = user.pmi as number | undefined
    Object.assign(user, {
      role_name: this.roleName(i),
      language: pick(LANGUAGES, hash3(s, i, F.lang)),
      use_pmi: unit(hash3(s, i, F.pmi + 7)) < 0.2,
      personal_meeting_url: `https://sandbox.zoom.us/j/${pmi ?? 0}`,
      account_id: this.accountId,
      account_number: this.accountNumber,
      cluster: 'us06',
      company: 'Sandbox Co',
      job_title: this.field(i, 'job_title') ?? pick(JOB_TITLES, hash3(s, i, F.title)),
      location: this.field(i, 'location') ?? pick(LOCATIONS, hash3(s, i, F.location)),
      phone_numbers: [{ code: '+1', country: 'US', label: 'Office', number: `555${String(between(hash3(s, i, F.phone), 0, 9_999_999)).padStart(7, '0')}`, verified: false }],
      login_types: [i === 0 ? 100 : 101],
      jid: `${this.userId(i).toLowerCase()}@xmpp.sandbox.zoom.us`,
      pic_url: `https://sandbox.zoom.us/p/${this.userId(i)}/avatar.png`,
      cms_user_id: '',
    })
    if (pmi === undefined) delete user.personal_meeting_url
    return user
  }
}

const quoted = new Map<string, string>()

/** JSON string literal of a word-list value, memoised. */
function q(text: string): string {
  let literal = quoted.get(text)
  if (literal === undefined) {
    literal = JSON.stringify(text)
    if (quoted.size < 10_000) quoted.set(text, literal)
  }
  return literal
}

const slugs = new Map<string, string>()

/** "García" → "garcia", "O'Brien" → "obrien"; memoised, names come from short lists. */
function asciiSlug(name: string): string {
  let slug = slugs.get(name)
  if (slug === undefined) {
    slug = name.toLowerCase().normalize('NFD').replace(/[^a-z0-9-]/g, '')
    slugs.set(name, slug)
  }
  return slug
}

function statusCode(h: number): number {
  const u = unit(h)
  return u < 0.8 ? 0 : u < 0.92 ? 1 : 2
}
