// profiles.json is rewritten whole on every change, so neither one profile nor the whole file may
// grow without bound through profiles.create: scopes, notes and the file size are capped, while
// real Zoom scope lists still fit and a file saved under the earlier limits keeps loading.
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MAX_NOTES_LENGTH, MAX_SCOPE_LENGTH } from '../../../common/profile'
import { createCore, type Core } from '../../../main/core'
import type { SenderInfo } from '../../../main/ipc/router'
import { MAX_PROFILES_BYTES, PROFILES_FILE, profilesDocumentSchema } from '../../../main/profiles/profiles-document'
import { createFakeAdapters } from '../../fakes/adapters'

const ORIGIN = 'app://zoom-connect'
const sender: SenderInfo = { frameUrl: `${ORIGIN}/index.html`, isMainFrame: true, isOurWindow: true }
const ZOOM_OPENAPI = resolve(__dirname, '../../../../shared/zoom-openapi')

let dataDir: string
let core: Core | undefined
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'zc-profile-size-'))
})
afterEach(async () => {
  await core?.dispose()
  core = undefined
  await rm(dataDir, { recursive: true, force: true })
})

type Reply = { ok: true; value: { id: string } } | { ok: false; error: { code: string; details?: { issues?: { path: string }[] } } }
const start = async () => {
  core = await createCore(createFakeAdapters({ dataDir }).adapters, { trustedOrigins: [ORIGIN] })
  return (channel: string, input: unknown) => core!.router.invoke(channel, sender, input) as Promise<Reply>
}
const fields = (name: string, extra: Record<string, unknown> = {}) => ({ name, grant: 'authorization_code', clientType: 'public', clientId: 'abc', redirectUri: 'https://example.com/cb', ...extra })
const issuePaths = (reply: Reply) => (reply.ok ? [] : (reply.error.details?.issues ?? []).map((i) => i.path))

/** Every scope name in Zoom's API descriptions (the `security` lists of its operations). */
function zoomScopes(): string[] {
  const names = new Set<string>()
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk)
    if (typeof node !== 'object' || node === null) return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'security' && Array.isArray(value)) {
        for (const requirement of value) for (const list of Object.values(requirement as object)) for (const s of list as unknown[]) if (typeof s === 'string') names.add(s)
      } else walk(value)
    }
  }
  for (const product of ['Meetings', 'Phone', 'ContactCenter', 'Events', 'TeamChat']) walk(JSON.parse(readFileSync(join(ZOOM_OPENAPI, `${product}.json`), 'utf8')))
  return [...names].filter((s) => /^[A-Za-z0-9_.:-]+$/.test(s))
}

describe('one profile', () => {
  it('refuses the flood draft (500 scopes of 200 characters, over-long notes) and writes nothing', async () => {
    const call = await start()
    const scopes = Array.from({ length: 500 }, (_, i) => `s${i}:`.padEnd(200, 'x'))
    for (let i = 0; i < 5; i++) {
      const reply = await call('profiles.create', { fields: fields(`p${i}`, { scopes, notes: 'n'.repeat(5000) }) })
      expect(reply.ok).toBe(false)
      expect(reply.ok ? '' : reply.error.code).toBe('VALIDATION')
      expect(issuePaths(reply)).toEqual(expect.arrayContaining(['fields.scopes.0', 'fields.notes']))
    }
    expect(await call('profiles.list', undefined)).toMatchObject({ ok: true, value: [] })
    expect((await call('profiles.create', { fields: fields('long scope', { scopes: ['a'.repeat(MAX_SCOPE_LENGTH + 1)] }) })).ok).toBe(false)
    expect((await call('profiles.create', { fields: fields('long notes', { notes: 'n'.repeat(MAX_NOTES_LENGTH + 1) }) })).ok).toBe(false)
    expect((await call('profiles.create', { fields: fields('at the limits', { scopes: ['a'.repeat(MAX_SCOPE_LENGTH)], notes: 'n'.repeat(MAX_NOTES_LENGTH) }) })).ok).toBe(true)
  })

  it.skipIf(!existsSync(ZOOM_OPENAPI))('accepts Zoom’s longest real scope names, as many as a big product lists', async () => {
    const call = await start()
    const scopes = zoomScopes()
      .sort((a, b) => b.length - a.length)
      .slice(0, 500)
    expect(scopes.length).toBeGreaterThan(300)
    const reply = await call('profiles.create', { fields: fields('every scope', { scopes }) })
    expect(reply, JSON.stringify(issuePaths(reply))).toMatchObject({ ok: true })
  })
})

describe('the whole file', () => {
  /** A profiles.json of profiles saved under the earlier limits (500 scopes of 200 characters, 5000-character notes). */
  async function writeLegacyFile(count: number): Promise<number> {
    const scopes = Array.from({ length: 500 }, (_, i) => `s${i}:`.padEnd(200, 'x'))
    const profiles = Array.from({ length: count }, (_, i) => ({ ...fields(`old ${i}`), scopes, notes: 'n'.repeat(5000), id: `old-${i}`, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }))
    const data = profilesDocumentSchema.parse({ profiles })
    const text = `${JSON.stringify({ schemaVersion: 1, data }, null, 2)}\n`
    await writeFile(join(dataDir, PROFILES_FILE), text)
    return Buffer.byteLength(text)
  }

  it('an oversized file saved earlier still loads; it may shrink but not grow (STORE_TOO_LARGE)', async () => {
    const size = await writeLegacyFile(48)
    expect(size).toBeGreaterThan(MAX_PROFILES_BYTES)
    const call = await start()
    const listed = await call('profiles.list', undefined)
    expect(listed.ok && (listed.value as unknown as unknown[]).length).toBe(48)
    const grown = await call('profiles.create', { fields: fields('one more') })
    expect(grown).toMatchObject({ ok: false, error: { code: 'STORE_TOO_LARGE' } })
    expect((await stat(join(dataDir, PROFILES_FILE))).size).toBe(size)
    expect(await call('profiles.delete', { id: 'old-0' })).toMatchObject({ ok: true })
    expect((await stat(join(dataDir, PROFILES_FILE))).size).toBeLessThan(size)
  })

  it('a file just under the limit takes no profile that would carry it over', async () => {
    const size = await writeLegacyFile(43)
    expect(size).toBeLessThan(MAX_PROFILES_BYTES)
    const call = await start()
    const scopes = Array.from({ length: 500 }, (_, i) => `s${i}:`.padEnd(MAX_SCOPE_LENGTH, 'x'))
    let refused: Reply | undefined
    for (let i = 0; i < 10 && !refused; i++) {
      const reply = await call('profiles.create', { fields: fields(`new ${i}`, { scopes, notes: 'n'.repeat(MAX_NOTES_LENGTH) }) })
      if (!reply.ok) refused = reply
    }
    expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_TOO_LARGE' } })
    expect((await stat(join(dataDir, PROFILES_FILE))).size).toBeLessThanOrEqual(MAX_PROFILES_BYTES)
  })
})
