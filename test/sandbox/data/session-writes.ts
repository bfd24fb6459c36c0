// What the API has done to one user's meetings or webinars: the ones created through it, the
// PATCHes to generated ones and the deletions. Ids encode (user, number), PER_USER numbers per
// user; generated sessions take the first count(u) numbers and created ones the numbers after,
// so GET/PATCH/DELETE by id need no table. Meetings and webinars keep their writes alike.

export class SessionWrites<W extends object> {
  /** Sessions created through the API, by id, with when and what. */
  private readonly created = new Map<number, { createdMs: number; fields: W }>()
  /** Changes made with PATCH to generated sessions, by id. */
  private readonly patched = new Map<number, W>()
  private readonly deleted = new Set<number>()

  constructor(
    private readonly base: number,
    private readonly perUser: number,
    /** How many users the directory has now. */
    private readonly userCount: () => number,
    /** Generated sessions of user u (some may have been deleted since). */
    private readonly count: (u: number) => number
  ) {}

  id(u: number, n: number): number {
    return this.base + u * this.perUser + n
  }

  /** The (user, number) an id was made from; undefined if no such session (or deleted). */
  locate(id: number): { u: number; n: number } | undefined {
    const x = id - this.base
    if (!Number.isSafeInteger(x) || x < 0 || this.deleted.has(id)) return undefined
    const u = Math.floor(x / this.perUser)
    const n = x % this.perUser
    return u < this.userCount() && (n < this.count(u) || this.created.has(id)) ? { u, n } : undefined
  }

  /** Every number of user u: the generated ones left, then those created through the API. */
  numbers(u: number): number[] {
    const out: number[] = []
    for (let n = 0; n < this.perUser; n++) {
      const id = this.id(u, n)
      if (!this.deleted.has(id) && (n < this.count(u) || this.created.has(id))) out.push(n)
    }
    return out
  }

  /** Creates a session for user u; undefined when the user has no room for more. */
  create(u: number, fields: W, nowMs: number): { u: number; n: number } | undefined {
    for (let n = this.count(u); n < this.perUser; n++) {
      const id = this.id(u, n)
      if (this.created.has(id)) continue
      this.created.set(id, { createdMs: nowMs, fields: { ...fields } })
      return { u, n }
    }
    return undefined
  }

  update(u: number, n: number, fields: W): void {
    const id = this.id(u, n)
    const written = this.created.get(id)
    if (written) Object.assign(written.fields, fields)
    else this.patched.set(id, { ...this.patched.get(id), ...fields } as W)
  }

  remove(u: number, n: number): void {
    this.deleted.add(this.id(u, n))
  }

  /** The fields written by POST or PATCH, if any. */
  written(u: number, n: number): W | undefined {
    const id = this.id(u, n)
    return this.created.get(id)?.fields ?? this.patched.get(id)
  }

  /** When the session was created through the API; undefined for a generated one. */
  createdMs(u: number, n: number): number | undefined {
    return this.created.get(this.id(u, n))?.createdMs
  }
}
