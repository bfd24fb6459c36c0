// Usage reports: daily totals per day, and active/inactive hosts for a date window. Activity is
// a pure function of (seed, user, window), memoised per window for paging.
import { DAY_MS } from '../clock'
import { between, hash2, hash3, unit } from '../hash'
import type { UserDirectory } from './users'

export interface DailyRow {
  date: string
  new_users: number
  meetings: number
  participants: number
  meeting_minutes: number
}

export interface HostWindow {
  indices: Int32Array
  totals: { meetings: number; participants: number; minutes: number }
}

export interface HostActivity {
  meetings: number
  participants: number
  minutes: number
}

export class Reports {
  private readonly windows = new Map<string, HostWindow>()
  private readonly activeUsers: number

  constructor(private readonly seed: number, private readonly users: UserDirectory) {
    this.activeUsers = users.indices('active').length
  }

  daily(dayMs: number): Omit<DailyRow, 'date'> {
    const day = Math.floor(dayMs / DAY_MS)
    const weekday = (day + 4) % 7 // 0 = Sunday
    const workload = weekday === 0 || weekday === 6 ? 0.08 : 0.35
    const meetings = Math.round(this.activeUsers * workload * (0.8 + 0.4 * unit(hash2(this.seed, day * 3))))
    const participants = Math.round(meetings * (2 + 4 * unit(hash2(this.seed, day * 3 + 1))))
    return {
      new_users: between(hash2(this.seed, day * 3 + 2), 0, Math.max(1, Math.round(this.users.count / 400))),
      meetings,
      participants,
      meeting_minutes: Math.round(participants * (20 + 25 * unit(hash2(this.seed, day * 5 + 3)))),
    }
  }

  /** A host is active in a window with a probability that grows with the window's length. */
  activity(u: number, fromDay: number, toDay: number): HostActivity | undefined {
    const status = this.users.statusOf(u)
    if (status === 'pending') return undefined
    const days = toDay - fromDay + 1
    const chance = status === 'active' ? Math.min(0.9, 0.1 + 0.03 * days) : 0.01
    const h = hash3(this.seed, u, fromDay * 1000 + toDay)
    if (unit(h) >= chance) return undefined
    const meetings = between(hash2(h, 1), 1, Math.max(1, Math.ceil(days / 2)))
    const participants = meetings * between(hash2(h, 2), 2, 8)
    return { meetings, participants, minutes: participants * between(hash2(h, 3), 15, 50) }
  }

  /** Hosts with (type 'active') or without (type 'inactive') meetings in the window, memoised. */
  hosts(type: 'active' | 'inactive', fromDay: number, toDay: number): HostWindow {
    const key = `${type}|${fromDay}|${toDay}`
    let window = this.windows.get(key)
    if (window !== undefined) return window
    const list: number[] = []
    const totals = { meetings: 0, participants: 0, minutes: 0 }
    for (let u = 0; u < this.users.count; u++) {
      if (this.users.statusOf(u) === 'pending') continue
      const act = this.activity(u, fromDay, toDay)
      if ((act !== undefined) !== (type === 'active')) continue
      list.push(u)
      if (act !== undefined) {
        totals.meetings += act.meetings
        totals.participants += act.participants
        totals.minutes += act.minutes
      }
    }
    window = { indices: Int32Array.from(list), totals }
    if (this.windows.size >= 32) this.windows.delete(this.windows.keys().next().value!)
    this.windows.set(key, window)
    return window
  }
}
