// Human formats for times, durations, sizes and counts, shared by every feature that shows them.
const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`
  if (m > 0) return `${m} min ${String(sec).padStart(2, '0')} s`
  return `${sec} s`
}

export function formatRelative(at: number, now: number): string {
  const diff = at - now
  const abs = Math.abs(diff)
  // The clock behind `now` ticks coarsely, so something that just happened can look a moment in
  // the future: both read as "just now". A real future time (an expiry) is far beyond 45 s.
  if (abs < 45_000) return 'just now'
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute')
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour')
  return rtf.format(Math.round(diff / 86_400_000), 'day')
}

// One formatter each: toLocaleString builds a new Intl formatter on every call, too slow for a
// grid that formats dozens of cells per frame while scrolling.
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
const countFormat = new Intl.NumberFormat()

export function formatDateTime(at: number | string): string {
  const d = new Date(at)
  return Number.isNaN(d.getTime()) ? String(at) : dateTimeFormat.format(d)
}

export function formatTime(at: number): string {
  return timeFormat.format(at)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`
}

export const formatCount = (n: number) => countFormat.format(n)
