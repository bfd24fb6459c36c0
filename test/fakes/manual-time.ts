// A clock and scheduler that only move when the test says so (Clock + Scheduler ports).
// advance() moves time and runs every timer that became due, in order.
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

  constructor(start = Date.UTC(2026, 0, 15, 12, 0, 0)) {
    this.current = start
  }

  now(): number {
    return this.current
  }

  setTimeout(callback: () => void, ms: number): () => void {
    const timer: Timer = { due: this.current + Math.max(0, ms), seq: this.seq++, callback }
    this.timers.push(timer)
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

  /** Timers not yet run. */
  pending(): number {
    return this.timers.length
  }
}
