// The `screen` module (docs/api/screen.md, structures/display.md). The displays are whatever the
// test configures (one 1920×1080 display by default). Like Electron it refuses to work before
// `ready` (shell/browser/api/electron_api_screen.cc: "The 'screen' module can't be used before
// the app 'ready' event"). getDisplayMatching returns the display that most closely intersects
// the rectangle, the primary display when none does (screen.md).
import { EventEmitter } from 'node:events'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}
export interface DisplaySpec {
  bounds: Rectangle
  /** Defaults to bounds (no panels). */
  workArea?: Rectangle
  scaleFactor?: number
  label?: string
}

export function toDisplay(spec: DisplaySpec, index: number) {
  const workArea = spec.workArea ?? spec.bounds
  return {
    id: index + 1,
    label: spec.label ?? `Display ${index + 1}`,
    bounds: { ...spec.bounds },
    workArea: { ...workArea },
    size: { width: spec.bounds.width, height: spec.bounds.height },
    workAreaSize: { width: workArea.width, height: workArea.height },
    scaleFactor: spec.scaleFactor ?? 1,
    rotation: 0,
    internal: false,
    monochrome: false,
    accelerometerSupport: 'unknown' as const,
    touchSupport: 'unknown' as const,
    colorSpace: '',
    colorDepth: 24,
    depthPerComponent: 8,
    displayFrequency: 60,
    detected: true,
    maximumCursorSize: { width: 0, height: 0 },
    nativeOrigin: { x: spec.bounds.x, y: spec.bounds.y },
  }
}
export type Display = ReturnType<typeof toDisplay>

const overlap = (a: Rectangle, b: Rectangle) => Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y))

export function createScreen(isReady: () => boolean) {
  let displays: Display[] = [toDisplay({ bounds: { x: 0, y: 0, width: 1920, height: 1080 } }, 0)]
  const emitter = new EventEmitter()
  const guard = () => {
    if (!isReady()) throw new Error("The 'screen' module can't be used before the app 'ready' event")
  }
  const screen = Object.assign(emitter, {
    getPrimaryDisplay: () => (guard(), displays[0]!),
    getAllDisplays: () => (guard(), [...displays]),
    getDisplayMatching(rect: Rectangle) {
      guard()
      let best = displays[0]!
      let bestArea = 0
      for (const display of displays) {
        const area = overlap(display.bounds, rect)
        if (area > bestArea) [best, bestArea] = [display, area]
      }
      return best
    },
    getDisplayNearestPoint(point: { x: number; y: number }) {
      guard()
      const distance = (d: Display) => {
        const dx = Math.max(d.bounds.x - point.x, 0, point.x - (d.bounds.x + d.bounds.width))
        const dy = Math.max(d.bounds.y - point.y, 0, point.y - (d.bounds.y + d.bounds.height))
        return dx * dx + dy * dy
      }
      return displays.reduce((a, b) => (distance(b) < distance(a) ? b : a))
    },
    getCursorScreenPoint: () => (guard(), { x: 0, y: 0 }),
  })
  return {
    screen,
    /** Replaces the displays; emits display-removed / display-added like a monitor change. */
    setDisplays(specs: DisplaySpec[]) {
      if (specs.length === 0) throw new Error('At least one display')
      const old = displays
      displays = specs.map(toDisplay)
      for (const display of old) emitter.emit('display-removed', {}, display)
      for (const display of displays) emitter.emit('display-added', {}, display)
    },
    displays: () => displays,
  }
}
