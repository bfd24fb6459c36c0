// How many of this process's open handles name `path` (Linux: /proc/self/fd), for tests that
// check a thread or a store lets go of a dataset's file.
import { readdirSync, readlinkSync } from 'node:fs'

export const openHandlesOf = (path: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path
    } catch {
      return false
    }
  }).length
