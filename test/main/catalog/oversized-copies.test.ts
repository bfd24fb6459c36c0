// The copies of Zoom's API files and event files in the data folder are read whole into memory,
// so their size is checked first: a file planted there larger than any of Zoom's (up to a 1 GB
// one) is refused with STORE_TOO_LARGE before a byte of it is read, and the catalog fetches the
// file again instead. The files are sparse, so the test uses no disk space for them.
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ApiFileCache } from '../../../main/catalog/file-cache'
import { FolderWebhookSchemas } from '../../../main/events/schemas/webhook-schemas'
import { createLogger, memoryLogSink } from '../../../main/log/logger'
import { PUBLIC_DOCUMENT_MAX_BYTES as API_FILE_MAX_BYTES } from '../../../main/net/public-text'
import { caught } from '../../support/caught'

let dir: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zc-oversized-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** A file of `bytes` bytes that takes no disk space (a hole), starting with `head`. */
async function plant(path: string, bytes: number, head = '{'): Promise<void> {
  const handle = await open(path, 'w')
  await handle.write(head)
  await handle.truncate(bytes)
  await handle.close()
}

const MB = 1024 * 1024

describe('oversized copies of Zoom’s files', () => {
  it('an API file copy just over the cap is refused before it is read', async () => {
    await plant(join(dir, 'Phone.json'), API_FILE_MAX_BYTES + 1)
    await writeFile(join(dir, 'Phone.meta.json'), JSON.stringify({ checkedAt: Date.now() }))
    const error = await caught(new ApiFileCache(dir).read('Phone'))
    expect(error.code).toBe('STORE_TOO_LARGE')
    expect(error.message).toContain('Phone.json')
  })

  it('a 1 GB API file copy, or a huge record beside it, is refused the same way', async () => {
    await plant(join(dir, 'Phone.json'), 1024 * MB)
    await writeFile(join(dir, 'Phone.meta.json'), JSON.stringify({ checkedAt: Date.now() }))
    expect((await caught(new ApiFileCache(dir).read('Phone'))).code).toBe('STORE_TOO_LARGE')
    await writeFile(join(dir, 'Users.json'), '{}')
    await plant(join(dir, 'Users.meta.json'), 1024 * MB)
    expect((await caught(new ApiFileCache(dir).read('Users'))).code).toBe('STORE_TOO_LARGE')
    expect((await caught(new ApiFileCache(dir).readMeta('Users'))).code).toBe('STORE_TOO_LARGE')
  })

  it('an oversized event file is skipped; the other event files still load', async () => {
    await plant(join(dir, 'meetings.json'), 1024 * MB)
    await writeFile(join(dir, 'users.json'), JSON.stringify({ webhooks: { 'user.created': { post: { requestBody: { content: { 'application/json': { schema: { type: 'object' } } } } } } } }))
    const sink = memoryLogSink()
    const schemas = new FolderWebhookSchemas({ dir, log: createLogger(sink, 'schemas') })
    expect(await schemas.count()).toBe(1)
    expect(JSON.stringify(sink.records)).toContain('meetings.json')
    // Refused for its size, not merely failing to parse once read whole.
    expect(JSON.stringify(sink.records)).toContain('too large')
  })
})
