// What "the person's default file mode" is here: the mode a plain writeFile gets (0666 minus the
// umask), read from a probe file rather than from process.umask(), which is deprecated as a getter.
import { rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export async function defaultFileModeIn(dir: string): Promise<number> {
  const probe = join(dir, 'default-mode-probe')
  await writeFile(probe, '')
  const mode = (await stat(probe)).mode & 0o777
  await rm(probe)
  return mode
}

export const modeOf = async (path: string): Promise<number> => (await stat(path)).mode & 0o777
