// A link swapped in between the look at a path (lstat) and its opening must still not be
// followed: the open itself refuses links (O_NOFOLLOW). The swap is played by an lstat that
// reports the link as the plain file that was there a moment before.
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as FsPromises from 'node:fs/promises'

const swapped = new Set<string>()
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return {
    ...actual,
    lstat: async (...args: Parameters<typeof actual.lstat>) => {
      const path = String(args[0])
      // What lstat saw before the swap: a plain file (this one's own stats, read through the link).
      return swapped.has(path) ? actual.stat(path) : actual.lstat(...args)
    },
  }
})

const { lstat: realLstat, mkdtemp, readFile, rm, symlink, writeFile } = await vi.importActual<typeof FsPromises>('node:fs/promises')
const { openNoFollow } = await import('../../../main/downloads/no-follow')
const { caught } = await import('../../support/caught')

describe.skipIf(process.platform === 'win32')('a link swapped in after the check', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'zc-dl-swap-'))
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('is refused when appending, emptying or reading, and its target is untouched', async () => {
    const victim = join(dir, 'victim.txt')
    await writeFile(victim, 'precious')
    const part = join(dir, 'file.mp4.part')
    await symlink(victim, part)
    swapped.add(part)
    expect((await realLstat(part)).isSymbolicLink()).toBe(true)
    for (const how of ['append', 'truncate', 'read'] as const) {
      const error = await caught(openNoFollow(part, how))
      expect(error, how).toMatchObject({ code: 'DOWNLOAD_PATH_REFUSED', problem: 'link' })
    }
    expect(await readFile(victim, 'utf8')).toBe('precious')
  })

  it('is refused when a new file was to be made there', async () => {
    const part = join(dir, 'new.mp4.part')
    await symlink(join(dir, 'would-be-created'), part)
    expect(await caught(openNoFollow(part, 'create', 0o666))).toMatchObject({ code: 'DOWNLOAD_PATH_REFUSED' })
    await expect(realLstat(join(dir, 'would-be-created'))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
