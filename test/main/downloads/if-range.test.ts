// A resume must not glue two versions of a file together. When a recording is processed again
// on Zoom's side between two attempts, a plain Range request gets the tail of the new file, which
// was appended to the head of the old one and, both being of the listed size, passed the check.
// The resume now sends If-Range with the validator of the first response (RFC 9110 §13.1.5),
// kept beside the .part so that it survives a restart: each attempt here is a separate
// transferOnce, sharing nothing but the disk. The file server's If-Range behaviour follows RFC
// 9110 (file-server.ts says where from).
import { existsSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zoomDownloadSource } from '../../../main/downloads/source'
import { transferOnce } from '../../../main/downloads/transfer'
import { systemScheduler } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import { caught } from '../../support/caught'
import { recordingServer, type RecordingServer } from '../../support/recording-server'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'
import { type FilePlan, revisionBytes } from './file-server'
import { serverAndFolderEachTest } from './folder-queue'
import { httpDownloadSource } from './http-source'

const SIZE = 60_000
const CUT = 25_000
const CANARY = 'canary-token-in-the-url-3c9e'
const MONDAY = 'Mon, 03 Feb 2025 10:00:00 GMT'
const MONDAY_LATER = 'Mon, 03 Feb 2025 10:00:07 GMT'
const TUESDAY = 'Tue, 04 Feb 2025 09:00:00 GMT'
const TUESDAY_LATER = 'Tue, 04 Feb 2025 09:00:07 GMT'

describe('resuming a file that may have changed on the server', () => {
  const scratch = serverAndFolderEachTest('zc-dl-ifrange-')
  const target = () => join(scratch.folder, 'host@example.com', '2025-02-03', 'Topic (1)', 'shared_screen-v.mp4')

  const attempt = () =>
    transferOnce({
      source: httpDownloadSource(),
      scheduler: systemScheduler,
      profileId: 'p',
      url: `${scratch.server.url('v')}?access_token=${CANARY}`,
      folder: scratch.folder,
      finalPath: target(),
      fileSize: SIZE,
      signal: new AbortController().signal,
      stallTimeoutMs: 5000,
      onProgress: () => undefined,
    })

  /** A first attempt whose connection drops after CUT bytes: it leaves a .part of that version. */
  async function interrupted(plan: Omit<FilePlan, 'size'>): Promise<number> {
    scratch.server.files.set('v', { ...plan, size: SIZE, resetAfter: { bytes: CUT, times: 1 } })
    expect((await caught(attempt())).code).toBe('NETWORK')
    const kept = (await readFile(`${target()}.part`)).length
    expect(kept).toBeGreaterThan(0)
    return kept
  }

  const lastRequest = () => scratch.server.seen.at(-1)!
  const finalBytes = () => readFile(target())

  it('with a strong ETag: a file changed since comes back whole and replaces what the .part had', async () => {
    const kept = await interrupted({ etag: '"r1"' })
    scratch.server.files.set('v', { size: SIZE, revision: 2, etag: '"r2"' })
    await attempt()
    expect(lastRequest()).toMatchObject({ range: `bytes=${kept}-`, ifRange: '"r1"', status: 200 })
    expect((await finalBytes()).equals(revisionBytes('v', SIZE, 2))).toBe(true)
    expect(existsSync(`${target()}.part`)).toBe(false)
    expect(existsSync(`${target()}.part.validator`)).toBe(false)
  })

  it('with a strong ETag: an unchanged file still resumes where it stopped (206)', async () => {
    const kept = await interrupted({ etag: '"r1"' })
    await attempt()
    expect(lastRequest()).toMatchObject({ range: `bytes=${kept}-`, ifRange: '"r1"', status: 206 })
    expect((await finalBytes()).equals(revisionBytes('v', SIZE, 0))).toBe(true)
  })

  it('keeps the validator beside the .part, and nothing else there (no URL, no token)', async () => {
    await interrupted({ etag: '"r1"' })
    const text = await readFile(`${target()}.part.validator`, 'utf8')
    expect(JSON.parse(text)).toEqual({ ifRange: '"r1"' })
    expect(text).not.toContain(CANARY)
  })

  it('with no ETag: Last-Modified, when the response’s Date is a second or more later', async () => {
    const kept = await interrupted({ lastModified: MONDAY, date: MONDAY_LATER })
    scratch.server.files.set('v', { size: SIZE, revision: 2, lastModified: TUESDAY, date: TUESDAY_LATER })
    await attempt()
    expect(lastRequest()).toMatchObject({ range: `bytes=${kept}-`, ifRange: MONDAY, status: 200 })
    expect((await finalBytes()).equals(revisionBytes('v', SIZE, 2))).toBe(true)
  })

  it('sends no If-Range from a weak ETag, nor a date while the response has an ETag (RFC 9110 §13.1.5)', async () => {
    const kept = await interrupted({ etag: 'W/"r1"', lastModified: MONDAY, date: MONDAY_LATER })
    expect(existsSync(`${target()}.part.validator`)).toBe(false)
    await attempt()
    expect(lastRequest()).toMatchObject({ range: `bytes=${kept}-`, ifRange: undefined, status: 206 })
  })

  it('sends no If-Range from a Last-Modified within the same second as Date (a weak date, §8.8.2.2)', async () => {
    const kept = await interrupted({ lastModified: MONDAY, date: MONDAY })
    await attempt()
    expect(lastRequest()).toMatchObject({ range: `bytes=${kept}-`, ifRange: undefined, status: 206 })
  })

  it('does not resume a .part whose validator file it cannot read: the bytes are of an unknown version', async () => {
    await interrupted({ etag: '"r1"' })
    await writeFile(`${target()}.part.validator`, 'not what this app writes')
    scratch.server.files.set('v', { size: SIZE, revision: 2, etag: '"r2"' })
    await attempt()
    expect(lastRequest()).toMatchObject({ range: undefined, status: 200 })
    expect((await finalBytes()).equals(revisionBytes('v', SIZE, 2))).toBe(true)
  })

  it('does not append the rest of another version from a server that ignores If-Range', async () => {
    await interrupted({ etag: '"r1"' })
    scratch.server.files.set('v', { size: SIZE, revision: 2, etag: '"r2"', ignoresIfRange: true })
    const error = await caught(attempt())
    expect(error.code).toBe('NETWORK')
    expect(error.message).toMatch(/changed/)
    expect(existsSync(`${target()}.part`)).toBe(false)
    await attempt()
    expect(lastRequest()).toMatchObject({ range: undefined, status: 200 })
    expect((await finalBytes()).equals(revisionBytes('v', SIZE, 2))).toBe(true)
  })
})

describe('the Zoom client', () => {
  let home: RecordingServer
  beforeAll(async () => {
    home = await recordingServer(() => ({ status: 200, headers: { 'content-type': 'video/mp4' }, body: 'bytes' }))
  })
  afterAll(() => home.close())

  const source = () =>
    zoomDownloadSource(createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: 'token' }) }, profiles: profileLookup(loopbackProfile(home.url)), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS }))

  it('sends If-Range with a Range, and never without one', async () => {
    const signal = new AbortController().signal
    for (const start of [10, 0]) {
      const response = await source().open('p1', `${home.url}/rec/download/x`, { start, ifRange: '"r1"', signal })
      response.body.resume()
    }
    const [resumed, whole] = home.requests.slice(-2).map((request) => request.headers)
    expect(resumed).toMatchObject({ range: 'bytes=10-', 'if-range': '"r1"' })
    expect(whole?.range).toBeUndefined()
    expect(whole?.['if-range']).toBeUndefined()
  })
})
