// Download names that stay apart where letter case does not count. macOS (APFS, HFS+) and Windows
// (NTFS) take "Meeting.mp4" and "meeting.mp4" for one file: two recordings given those names
// would share one .part (each resuming from the other's bytes), and a file already there under
// the other spelling would pass as this one, complete (skipped, and with "move to Zoom's trash",
// trashed without ever being saved) or be replaced by it. Linux keeps them apart, but names are
// compared without case on every OS: a download folder moves between systems (an external drive,
// a synced folder), and the rule is then the same everywhere, tests included.
//
// A file keeps its planned name unless another file of the queue (another recording file, even
// one spelled exactly alike), or an entry in its folder (a file, a .part, a .part's validator),
// has the same name apart from case; it is then given
// `<stem>~<hash>.<ext>`, the hash taken from its own planned path. So the same recording file gets
// the same name at every enqueue and finds its .part again after a restart, and no other file
// gets that name. An entry spelled exactly as this file's name is this file's own from an earlier
// run: the layout gives every recording file a path of its own (layout.ts).
import { createHash } from 'node:crypto'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../common/errors'
import { MAX_WHOLE_PATH } from './layout'
import { truncateChars } from './sanitise'

/**
 * Names as a case-insensitive disk compares them: NFC (HFS+ stores names decomposed), then folded
 * up and down so that ß and SS, or K and the Kelvin sign, fold alike. It errs towards finding two
 * names alike, which costs only a longer name.
 */
export const foldName = (name: string): string => name.normalize('NFC').toUpperCase().toLowerCase()

/** The entries a download makes in its folder, by the name it is given. */
const entriesOf = (name: string): string[] => [name, `${name}.part`, `${name}.part.validator`]

/** Alternative names tried after the planned one; more than two are needed only against a planted name. */
const ALTERNATIVES = 8
const HASH_LENGTH = 8

export interface PlannedPath {
  /** The download folder. */
  folder: string
  /** Path segments under it, the file name last. */
  segments: readonly string[]
}

export interface NameContext {
  /**
   * The exact path of another recording file of the queue whose path is `path` apart from case,
   * if any (this file's own entry, queued again, is not another).
   */
  queued(path: string): string | undefined
  /** The names now in the file's folder (none when it does not exist yet). */
  onDisk: readonly string[]
}

/** The file name a planned download is written under (its folder is the planned one). */
export function chooseName(planned: PlannedPath, context: NameContext): string {
  const folderPath = join(planned.folder, ...planned.segments.slice(0, -1))
  const onDisk = context.onDisk.map((name) => name.normalize('NFC'))
  const standing = (name: string): 'mine' | 'free' | 'taken' => {
    // Another file spelled exactly alike is taken too: two recordings whose files Zoom gave one
    // id would otherwise be one download, the second never saved.
    if (context.queued(join(folderPath, name)) !== undefined) return 'taken'
    const mine = entriesOf(name)
    const folded = new Set(mine.map(foldName))
    const alike = onDisk.filter((entry) => folded.has(foldName(entry)))
    if (alike.some((entry) => !mine.includes(entry))) return 'taken'
    return alike.length > 0 ? 'mine' : 'free'
  }
  const candidates = namesFor(planned, folderPath).map((name) => ({ name, standing: standing(name) }))
  // Its own files from an earlier run first (even under an alternative name), so it resumes them.
  const chosen = candidates.find((c) => c.standing === 'mine') ?? candidates.find((c) => c.standing === 'free')
  if (chosen === undefined) throw new AppError('CONFLICT', `No free name for “${planned.segments.join('/')}”: its folder holds too many names that differ from it only in case.`)
  return chosen.name
}

/** The planned name, then its alternatives, each within the whole-path budget of layout.ts. */
function namesFor(planned: PlannedPath, folderPath: string): string[] {
  const name = planned.segments.at(-1) ?? ''
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const extension = dot > 0 ? name.slice(dot) : ''
  const whole = planned.segments.join('/')
  const alternatives = Array.from({ length: ALTERNATIVES }, (_, index) => {
    const tag = `~${createHash('sha256').update(`${whole}\n${index}`).digest('hex').slice(0, HASH_LENGTH)}`
    const room = MAX_WHOLE_PATH - (folderPath.length + 1) - tag.length - extension.length
    return `${truncateChars(stem, Math.max(1, room))}${tag}${extension}`
  })
  return [name, ...alternatives]
}

/** The names in `folderPath` now: none when it is not there yet. */
export async function namesIn(folderPath: string): Promise<string[]> {
  try {
    return await readdir(folderPath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') return []
    throw error
  }
}
