// A server that answers a Range request with a 206 starting elsewhere than asked (here:
// always the whole file, "bytes 0-…") must not leave the file undownloadable. The transfer may not
// append those bytes to the .part, but it must get the file: starting again from zero works.
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DownloadSource } from '../../../main/downloads/source'
import { transferOnce } from '../../../main/downloads/transfer'
import { systemScheduler } from '../../../main/ports'
import { expectedBytes } from './file-server'

const SIZE = 4000
const whole = expectedBytes('w', SIZE)

describe('a 206 that does not start where asked', () => {
  let folder: string
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'zc-dl-range-'))
  })
  afterEach(() => rm(folder, { recursive: true, force: true }))

  it('the file still completes, byte for byte, within a few attempts', async () => {
    const asked: number[] = []
    // Answers 206 with the whole file to any request (a proxy or CDN that mangles ranges).
    const source: DownloadSource = {
      open: async (_p, _url, { start }) => {
        asked.push(start)
        return { status: 206, headers: { 'content-range': `bytes 0-${SIZE - 1}/${SIZE}`, 'content-length': String(SIZE) }, body: Readable.from([whole]) }
      },
    }
    const target = join(folder, 'f.mp4')
    await mkdir(folder, { recursive: true })
    await writeFile(`${target}.part`, whole.subarray(0, 1000))
    let lastError: unknown
    for (let attempt = 0; attempt < 5 && !existsSync(target); attempt++) {
      try {
        await transferOnce({ source, scheduler: systemScheduler, profileId: 'p', url: 'https://zoom.us/rec/download/w', folder, finalPath: target, fileSize: SIZE, signal: new AbortController().signal, stallTimeoutMs: 5000, onProgress: () => undefined })
      } catch (error) {
        lastError = error
      }
    }
    expect(existsSync(target), String(lastError)).toBe(true)
    expect((await readFile(target)).equals(whole)).toBe(true)
    expect(asked[0]).toBe(1000)
  })
})
