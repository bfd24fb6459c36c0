// Saved window bounds are checked against the displays there are now: a monitor unplugged since
// the last run, or a smaller resolution, must not leave the window off-screen or larger than
// what can be seen.
import type { Rectangle } from 'electron'

/** What this file needs of Electron's `screen` (available only after app ready). */
export interface ScreenLike {
  getDisplayMatching(rect: Rectangle): { workArea: Rectangle }
  getPrimaryDisplay(): { workArea: Rectangle }
}

export type SavedBounds = Partial<Rectangle> & { width: number; height: number }

/**
 * The bounds fitted into the work area (the display minus task bars and docks) of the display
 * they overlap most; Electron's getDisplayMatching answers the nearest display when they overlap
 * none (screen.md), so a window saved on a vanished monitor comes back on one that exists.
 * Without a saved position only the size is fitted (to the primary display) and the window
 * opens centred, as BrowserWindow does without x/y.
 */
export function fitToDisplay(bounds: SavedBounds, screen: ScreenLike): Partial<Rectangle> {
  const hasPosition = Number.isFinite(bounds.x) && Number.isFinite(bounds.y)
  const area = hasPosition ? screen.getDisplayMatching({ x: bounds.x!, y: bounds.y!, width: bounds.width, height: bounds.height }).workArea : screen.getPrimaryDisplay().workArea
  const width = Math.min(bounds.width, area.width)
  const height = Math.min(bounds.height, area.height)
  if (!hasPosition) return { width, height }
  const x = clamp(bounds.x!, area.x, area.x + area.width - width)
  const y = clamp(bounds.y!, area.y, area.y + area.height - height)
  return { x, y, width, height }
}

const clamp = (value: number, min: number, max: number) => Math.round(Math.min(Math.max(value, min), max))
