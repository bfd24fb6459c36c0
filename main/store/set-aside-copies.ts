// The copies the store keeps of a document beside it: `<name>.corrupt-<time>` (a damaged file moved
// aside, quarantine.ts) and `<name>.v<n>.bak` (the bytes before a migration, document-file.ts). For
// a document that holds Zoom data (the console's history, events.json) they hold that data too, so
// they go with it: when the person clears it, and with the kept data's expiry. Never used for the
// person's configuration and secrets (profiles, vault, settings), whose copies are there to recover from.
import { lstat, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

export interface SetAsideCopies {
  /** Removes the copies last written more than `maxAgeMs` before `now`; returns how many went. */
  expire(maxAgeMs: number, now: number): Promise<number>
  /** Removes every copy; returns how many went. */
  removeAll(): Promise<number>
}

/** The set-aside copies of the documents `names` (file names) in `dir`. */
export function setAsideCopies(dir: string, names: readonly string[]): SetAsideCopies {
  const isCopy = (file: string) => names.some((name) => file.startsWith(`${name}.corrupt-`) || (file.startsWith(`${name}.v`) && /^\d+\.bak$/.test(file.slice(name.length + 2))))
  const remove = async (due: (mtimeMs: number) => boolean): Promise<number> => {
    let removed = 0
    for (const file of await readdir(dir).catch(() => [])) {
      if (!isCopy(file)) continue
      const path = join(dir, file)
      const found = await lstat(path).catch(() => undefined)
      // A folder of that name is not a copy the store made: left alone.
      if (!found || found.isDirectory() || !due(found.mtimeMs)) continue
      await rm(path, { force: true })
      removed++
    }
    return removed
  }
  return {
    // A rename keeps a file's modification time: a copy's age is that of what it holds.
    expire: (maxAgeMs, now) => remove((mtimeMs) => now - mtimeMs > maxAgeMs),
    removeAll: () => remove(() => true),
  }
}
