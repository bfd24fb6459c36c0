// The pacing clock follows the wall clock forward and never goes back; a wall time read meanwhile
// maps onto it with the offset of the steps back so far.
import { expect, it } from 'vitest'
import { steadyClock } from '../../../main/zoom/steady-clock'

it('follows the wall clock forward, holds through a step back, then goes on from there', () => {
  let wall = 1_000_000
  const clock = steadyClock(() => wall)
  expect(clock.now()).toBe(1_000_000)
  wall += 250
  expect(clock.now()).toBe(1_000_250)
  wall -= 60_000 // stepped back a minute
  expect(clock.now()).toBe(1_000_250)
  expect(clock.fromWall(wall)).toBe(1_000_250)
  wall += 40
  expect(clock.now()).toBe(1_000_290)
  wall += 120_000 // forward steps pass through
  expect(clock.now()).toBe(1_120_290)
})
