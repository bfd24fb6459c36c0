// Reads a file of the data folder whole only when it is no larger than its cap. Anything in that
// folder may have been planted or damaged; a file read whole is held in memory (and parsed, which
// takes several times its size), so its size is checked on the open file first, and no more than
// that size is read even if the file grows meanwhile (a copy cut short then fails to parse).
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { AppError } from '../../common/errors'

/** The file's text (UTF-8); STORE_TOO_LARGE, before reading it, when it holds more than `maxBytes`. */
export async function readTextWithin(path: string, maxBytes: number): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1)
      throw new AppError('STORE_TOO_LARGE', `${basename(path)} in the data folder holds ${mb(size)} MB, more than the ${mb(maxBytes)} MB it may; it was not read.`)
    }
    const buffer = Buffer.alloc(size)
    let length = 0
    while (length < size) {
      const { bytesRead } = await handle.read(buffer, length, size - length, length)
      if (bytesRead === 0) break
      length += bytesRead
    }
    return buffer.subarray(0, length).toString('utf8')
  } finally {
    await handle.close()
  }
}
