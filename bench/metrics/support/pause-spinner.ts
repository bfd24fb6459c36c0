// Started by machine-pauses.ts pinned to one CPU (taskset) at the lowest priority: spins on the
// monotonic clock and records each jump of `thresholdMs` or more across which the process was not
// switched out (unswitched-jumps.ts). Any other task the guest runs on that CPU switches the
// spinner out first, so such a jump is time in which the CPU ran neither the spinner nor another
// task: the host not running it, or the CPU in interrupt work. Prints "ready" once it watches (or
// "not lowered", and exits, when it cannot take the lowest priority), then its jumps and the span
// it covered as JSON ([start, end] ms, CLOCK_MONOTONIC, comparable across processes) when
// `seconds` have passed.
import { yieldCoresToOthers } from './lowest-priority'
import { monotonicMs } from './machine-pause-overlap'
import { unswitchedJumps } from './unswitched-jumps'

const [seconds, thresholdMs] = process.argv.slice(2).map(Number)
if (!(seconds! > 0 && thresholdMs! > 0)) {
  console.error('usage: pause-spinner <seconds> <thresholdMs>')
  process.exit(2)
}

// The counts are per process: a helper thread of Node's that wakes adds to them, and the jump is
// then not counted. The error goes one way: pauses missed, never invented.
const switches = () => {
  const usage = process.resourceUsage()
  return usage.voluntaryContextSwitches + usage.involuntaryContextSwitches
}

if (yieldCoresToOthers() !== 'lowest') {
  process.stdout.write('not lowered\n')
  process.exit(3)
}
// Written to a pipe, stdout is synchronous on Linux: "ready" is out before the first jump can be.
const onWatching = () => process.stdout.write('ready\n')
const jumps = unswitchedJumps({ now: monotonicMs, switches, until: monotonicMs() + seconds! * 1000, thresholdMs: thresholdMs!, refreshMs: 0.5, onWatching })
process.stdout.write(`${JSON.stringify(jumps)}\n`)
