// Widening where a profile's credential may be sent needs the person's confirmation in main's
// native dialog (a compromised renderer cannot answer it): otherwise `profiles.update` could add
// an attacker host to the allowlist, point the validation URL at it and have `auth.test` hand it
// the access token. A foreign listener counts connections to prove nothing reaches it.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { credentialsTest } from '../auth/credentials-fixture'
import type { ProfileDraft } from '../../../common/profile'
import { newCredentialHosts } from '../../../main/profiles/credential-reach'
import { PROFILES_FILE } from '../../../main/profiles/profiles-document'
import { caught } from '../../support/caught'
import { s2sDraft } from '../auth/credentials-harness'

const it = credentialsTest()
  /** A listener that must never be reached: it counts connections and answers like Zoom's /users/me. */
  // Vitest reads a fixture's dependencies from its destructured first argument: `{}` is none.
  // eslint-disable-next-line no-empty-pattern
  .extend('foreign', { scope: 'file' }, async ({}, { onCleanup }) => {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"stolen"}'))
    const foreign = { url: '', host: '', connections: 0 }
    server.on('connection', () => foreign.connections++)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onCleanup(() => new Promise<void>((resolve) => server.close(() => resolve())))
    foreign.host = `127.0.0.1:${(server.address() as AddressInfo).port}`
    foreign.url = `http://${foreign.host}`
    return foreign
  })
  .extend('sandboxHost', { scope: 'file' }, ({ sandbox }) => () => new URL(sandbox.url).host)
  .extend('storedProfiles', { scope: 'file' }, ({ harness }) => async () => (JSON.parse(await readFile(join(harness.dataDir, PROFILES_FILE), 'utf8')) as { data: { profiles: { id: string }[] } }).data.profiles)

it.beforeEach(({ app }) => {
  app.fakes.dialogs.confirmations.length = 0
  app.fakes.dialogs.confirmAnswers.length = 0
})

/** An edit of the draft's fields; the stored secret is kept (no clientSecret). */
const withFields = (draft: ProfileDraft, fields: Partial<ProfileDraft['fields']>): ProfileDraft => ({ fields: { ...draft.fields, ...fields } })
/** A new profile: the secret is typed too. */
const newProfile = (draft: ProfileDraft, fields: Partial<ProfileDraft['fields']>): ProfileDraft => ({ ...draft, fields: { ...draft.fields, ...fields } })

describe('widening the allowlist of a saved profile', () => {
  it('refused: CANCELLED, the profile is unchanged on disk, and auth.test never contacts the foreign host', async ({ app, sandbox, foreign, sandboxHost, storedProfiles }) => {
    const draft = s2sDraft(sandbox, 'Hijack target')
    const profile = await app.call('profiles.create', draft)
    expect(app.fakes.dialogs.confirmations).toEqual([])
    await app.call('auth.connect', { profileId: profile.id })
    const before = (await storedProfiles()).find((p) => p.id === profile.id)

    const hijack = withFields(draft, { allowedDomains: [sandboxHost(), foreign.host], validationUrl: `${foreign.url}/v2/users/me` })
    const error = await caught(app.call('profiles.update', { id: profile.id, draft: hijack }))
    expect(error.code).toBe('CANCELLED')
    expect(error.message).toBe(`Not saved: sending this connection’s credential to ${foreign.host} was not confirmed.`)
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)
    expect(app.fakes.dialogs.confirmations[0]).toMatchObject({ confirmLabel: 'Allow' })
    expect(app.fakes.dialogs.confirmations[0]?.detail).toContain('“Hijack target”')
    expect(app.fakes.dialogs.confirmations[0]?.message).toContain(foreign.host)

    expect((await storedProfiles()).find((p) => p.id === profile.id)).toEqual(before)
    // Still connected (the refusal touched nothing), and the token goes only where it went before.
    expect((await app.call('auth.status', { profileId: profile.id })).state).toBe('connected')
    expect(await app.call('auth.test', { profileId: profile.id })).toMatchObject({ ok: true, url: `${sandbox.url}/v2/users/me` })
    expect(foreign.connections).toBe(0)
  })

  it('confirmed: saved; an unchanged or narrower allowlist asks nothing; widening again asks again', async ({ app, sandbox, foreign, sandboxHost }) => {
    const draft = s2sDraft(sandbox, 'Two regions')
    const profile = await app.call('profiles.create', draft)
    const wide = { allowedDomains: [sandboxHost(), foreign.host] }
    app.fakes.dialogs.confirmAnswers.push(true)
    expect((await app.call('profiles.update', { id: profile.id, draft: withFields(draft, wide) })).allowedDomains).toEqual(wide.allowedDomains)
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)

    await app.call('profiles.update', { id: profile.id, draft: withFields(draft, { ...wide, description: 'same hosts' }) })
    await app.call('profiles.update', { id: profile.id, draft: withFields(draft, { allowedDomains: [sandboxHost()] }) })
    // Back to the cloud's defaults (an empty list): nothing new either.
    await app.call('profiles.update', { id: profile.id, draft: withFields(draft, { allowedDomains: [] }) })
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)

    const error = await caught(app.call('profiles.update', { id: profile.id, draft: withFields(draft, wide) }))
    expect(error.code).toBe('CANCELLED')
    expect(app.fakes.dialogs.confirmations).toHaveLength(2)
    expect((await app.call('profiles.get', { id: profile.id })).allowedDomains).toEqual([])
    expect(foreign.connections).toBe(0)
  })
})

describe('new profiles', () => {
  it('created with hosts beyond its cloud defaults: asked; refused creates nothing', async ({ app, sandbox, foreign, sandboxHost }) => {
    const draft = s2sDraft(sandbox, 'Born wide')
    const error = await caught(app.call('profiles.create', newProfile(draft, { allowedDomains: [sandboxHost(), foreign.host] })))
    expect(error.code).toBe('CANCELLED')
    expect((await app.call('profiles.list', undefined)).map((p) => p.name)).not.toContain('Born wide')
    app.fakes.dialogs.confirmAnswers.push(true)
    expect((await app.call('profiles.create', newProfile(draft, { allowedDomains: [sandboxHost(), foreign.host] }))).hasClientSecret).toBe(true)
    expect(app.fakes.dialogs.confirmations).toHaveLength(2)
  })

  it('imported with new hosts: one question for the file; refused imports nothing', async ({ app, sandbox, time, foreign, sandboxHost }) => {
    const file = (names: string[]) =>
      JSON.stringify({
        format: 'zoom-connect-profiles',
        version: 1,
        exportedAt: new Date(time.now()).toISOString(),
        profiles: names.map((name) => ({ ...s2sDraft(sandbox, name).fields, allowedDomains: [sandboxHost(), foreign.host] })),
      })
    const error = await caught(app.call('profiles.importJson', { json: file(['Imported A', 'Imported B']) }))
    expect(error.code).toBe('CANCELLED')
    expect(app.fakes.dialogs.confirmations).toHaveLength(1)
    expect(app.fakes.dialogs.confirmations[0]?.detail).toContain('Imported B')
    expect((await app.call('profiles.list', undefined)).map((p) => p.name)).not.toContain('Imported A')
    app.fakes.dialogs.confirmAnswers.push(true)
    expect((await app.call('profiles.importJson', { json: file(['Imported A', 'Imported B']) })).created).toHaveLength(2)
  })
})

describe('the validation URL', () => {
  it('must be inside the allowlist in force: VALIDATION on fields.validationUrl, before any question', async ({ app, sandbox, foreign }) => {
    const draft = s2sDraft(sandbox, 'Outside validation')
    const outside = { validationUrl: `${foreign.url}/v2/users/me` }
    const created = await caught(app.call('profiles.create', newProfile(draft, outside)))
    expect(created.code).toBe('VALIDATION')
    expect(created.details?.issues?.map((i) => i.path)).toEqual(['fields.validationUrl'])
    const profile = await app.call('profiles.create', draft)
    const updated = await caught(app.call('profiles.update', { id: profile.id, draft: withFields(draft, outside) }))
    expect(updated.code).toBe('VALIDATION')
    expect(updated.details?.issues?.map((i) => i.path)).toEqual(['fields.validationUrl'])
    expect(app.fakes.dialogs.confirmations).toEqual([])
    // Inside the allowlist (the cloud's defaults here) it is fine.
    expect((await app.call('profiles.update', { id: profile.id, draft: withFields(draft, { validationUrl: `${sandbox.url}/v2/users/me` }) })).validationUrl).toBe(`${sandbox.url}/v2/users/me`)
  })

  it('in an import is checked per profile', async ({ app, sandbox, time, foreign }) => {
    const json = JSON.stringify({
      format: 'zoom-connect-profiles',
      version: 1,
      exportedAt: new Date(time.now()).toISOString(),
      profiles: [{ ...s2sDraft(sandbox, 'Import ok').fields }, { ...s2sDraft(sandbox, 'Import bad').fields, validationUrl: `${foreign.url}/v2/users/me` }],
    })
    const error = await caught(app.call('profiles.importJson', { json }))
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.issues?.map((i) => i.path)).toEqual(['profiles.1.validationUrl'])
  })
})

describe('newCredentialHosts', () => {
  const zoom = (allowedDomains: string[]) => ({ cloud: { kind: 'zoom' as const }, validationUrl: '', allowedDomains })

  it("counts only hosts neither the previous list in force nor the cloud's defaults cover", () => {
    expect(newCredentialHosts(undefined, zoom([]))).toEqual([])
    expect(newCredentialHosts(undefined, zoom(['api.zoom.us', 'API.Zoom.us.', 'eu01.zoom.us']))).toEqual([])
    expect(newCredentialHosts(undefined, zoom(['zoom.us:8443', 'evil.example', '*.us']))).toEqual(['zoom.us:8443', 'evil.example', '*.us'])
    expect(newCredentialHosts(zoom(['evil.example']), zoom(['evil.example', '*.eu.zoom.us']))).toEqual([])
    expect(newCredentialHosts(zoom(['*.example.com']), zoom(['a.example.com', 'example.com']))).toEqual(['example.com'])
    expect(newCredentialHosts(zoom(['host:8080']), zoom(['host:8080', 'host:8081']))).toEqual(['host:8081'])
  })
})
