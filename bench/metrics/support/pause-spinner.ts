// Started by machine-pauses.ts pinned to one CPU (taskset) at the lowest priority: reads the
// monotonic clock in a loop and records each jump of `thresholdMs` or more during which the
// process was not switched out (its context-switch counts did not move). Anything else the guest
// runs on that CPU switches the spinner out first, so such a jump is time the CPU ran nothing of
// the guest's tasks. Prints "ready", then the stretches as JSON ([start, end] ms, CLOCK_MONOTONIC,
// comparable across processes) when `seconds` have passed.
import { yieldCoresToOthers } from './lowest-priority'

const [seconds, thresholdMs] = process.argv.slice(2).map(Number)
if (!(seconds! > 0 && thresholdMs! > 0)) throw new Error('usage: pause-spinner <seconds> <thresholdMs>')

const now = () => Number(process.hrtime.bigint()) / 1e6
const switches = () => {
  const usage = process.resourceUsage()
  return usage.voluntaryContextSwitches + usage.involuntaryContextSwitches
}
// The counts are per process: a helper thread of Node's that wakes adds to them, and the jump is
// then not counted. The error goes one way: pauses missed, never invented.
const REFRESH_MS = 0.5

yieldCoresToOthers()
process.stdout.write('ready\n')
const stretches: [number, number][] = []
const end = now() + seconds! * 1000
let previous = now()
let counted = switches()
let countedAt = previous
for (;;) {
  const at = now()
  if (at - previous >= thresholdMs!) {
    const count = switches()
    if (count === counted) stretches.push([previous, at])
    counted = count
    countedAt = at
  } else if (at - countedAt >= REFRESH_MS) {
    counted = switches()
    countedAt = at
  }
  if (at >= end) break
  previous = at
}
process.stdout.write(`${JSON.stringify(stretches)}\n`)
