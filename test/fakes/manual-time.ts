// A clock and scheduler that only move when the test says so (Clock + Scheduler ports).
// advance() moves time and runs every timer that became due, in order; whenPending() and
// advanceToNext() let a test run waits one by one as the code under test starts them.
import type { Clock, Scheduler } from '../../main/ports'

interface Timer {
  due: number
  seq: number
  callback: () => void
}

export class ManualTime implements Clock, Scheduler {
  private current: number
  private timers: Timer[] = []
  private seq = 0
  private waiters: (() => void)[] = []

  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer: Timer = { due: this.current + Math.max(0, ms), seq: this.seq++, callback }
    this.timers.push(timer)
    for (const wake of this.waiters.splice(0)) wake()
    return () => {
      this.timers = this.timers.filter((t) => t !== timer)
    }
  }

  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const next = this.timers.filter((t) => t.due <= target).sort((a, b) => a.due - b.due || a.seq - b.seq)[0]
      if (!next) break
      this.timers = this.timers.filter((t) => t !== next)
      this.current = Math.max(this.current, next.due)
      next.callback()
    }
    this.current = target
  }

  /** Resolves once a timer is pending: at once if one is, else when the next one is set. */
  whenPending(): Promise<void> {
    if (this.timers.length > 0) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Moves time to the earliest pending timer and runs it (with any due at the same moment); false when none is pending. */
  advanceToNext(): boolean {
    const due = Math.min(...this.timers.map((t) => t.due))
    if (!Number.isFinite(due)) return false
    this.advance(Math.max(0, due - this.current))
    return true
  }

  /** Timers not yet run. */
  pending(): number {
    return this.timers.length
  }
}
