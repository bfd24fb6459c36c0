// A profile's credential lifecycle under races: connect, re-point to another cloud (with that
// cloud's own secret), Test connection, API calls, forced refreshes, expiry, disconnect and delete,
// started in a seeded order with seeded pauses at every vault access. Two sandboxes with different
// seeds stand for two clouds (their client IDs differ, and each token names its client), each
// behind a recording proxy. Whatever the interleaving, no token or client secret of one cloud ever
// reaches the other, and what is left at the end belongs to the profile as it then is.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect } from 'vitest'
import type { ProfileDraft } from '../../../common/profile'
import { createZoomClients } from '../../../main/zoom'
import { startGatedProxy, type GatedProxy } from '../../fakes/gated-proxy'
import { startSandbox, type Sandbox } from '../../sandbox'
import { credentialsTest } from '../auth/credentials-fixture'

const RUNS = 200
const HOUR = 3600_000

interface Cloud {
  name: 'A' | 'B'
  sandbox: Sandbox
  proxy: GatedProxy
}

// Cloud A is the file's sandbox (seed 11) behind proxy A. Hundreds of runs write the vault
// thousands of times: on tmpfs where there is one (fsync is free).
const it = credentialsTest({ sandbox: { seed: 11, users: 10 }, proxies: ['A'], ...(existsSync('/dev/shm') ? { baseDir: '/dev/shm' } : {}) })
  /** Cloud B: a second sandbox with another seed (so other client IDs), on the same clock, behind its own proxy. */
  .extend('cloudB', { scope: 'file' }, async ({ time }, { onCleanup }): Promise<Cloud> => {
    const sandbox = await startSandbox({ seed: 22, users: 10, now: () => time.now() })
    const proxy = await startGatedProxy()
    onCleanup(async () => {
      await proxy.close()
      await sandbox.close()
    })
    proxy.target = sandbox.url
    return { name: 'B', sandbox, proxy }
  })
  .extend('clouds', { scope: 'file' }, ({ sandbox, proxies, cloudB }): [Cloud, Cloud] => [{ name: 'A', sandbox, proxy: proxies.A }, cloudB])
  .extend('zoom', { scope: 'file' }, ({ app }) => createZoomClients({ tokens: app.credentials.tokens, profiles: app.credentials.profileLookup, rateLimiting: false, retry: { limit: 0 } }))

function s2sFields(cloud: Cloud, name: string): ProfileDraft {
  const app = cloud.sandbox.apps.s2s
  return {
    fields: { name, grant: 's2s', accountId: app.accountId, clientId: app.clientId, cloud: { kind: 'custom', oauthBaseUrl: cloud.proxy.url, apiBaseUrl: cloud.proxy.url } },
    clientSecret: app.clientSecret,
  }
}

/** The client a sandbox token was issued to (its payload names it; the sandbox mints JWT-shaped tokens). */
function clientOfToken(token: string): string | undefined {
  const payload = token.split('.')[1]
  if (payload === undefined) return undefined
  try {
    return (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { clientId?: string }).clientId
  } catch {
    return undefined
  }
}

/** Every credential-looking value a cloud received, as the client it belongs to. */
function clientsSeenBy(cloud: Cloud, clouds: readonly Cloud[]): { what: string; clientId: string | undefined }[] {
  const seen: { what: string; clientId: string | undefined }[] = []
  for (const request of cloud.proxy.received) {
    const auth = request.authorization ?? ''
    if (/^bearer /i.test(auth)) seen.push({ what: `bearer at ${request.path}`, clientId: clientOfToken(auth.slice(7)) })
    if (/^basic /i.test(auth)) {
      const [clientId = '', secret = ''] = Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':')
      // A secret is the client's own: both must be this cloud's, or neither is sent.
      const own = clouds.find((c) => c.sandbox.apps.s2s.clientSecret === decodeURIComponent(secret.replace(/\+/g, ' ')))
      seen.push({ what: `basic at ${request.path}`, clientId: own?.sandbox.apps.s2s.clientId ?? `unknown secret for ${clientId}` })
    }
    for (const [key, value] of new URLSearchParams(request.body)) {
      if (key === 'token' || key === 'refresh_token') seen.push({ what: `${key} at ${request.path}`, clientId: clientOfToken(value) })
    }
  }
  return seen
}

type Command = 'connect' | 'repoint' | 'test' | 'api' | 'force' | 'expire' | 'disconnect' | 'delete'
const command = fc.constantFrom<Command>('connect', 'connect', 'repoint', 'repoint', 'test', 'api', 'api', 'force', 'expire', 'disconnect', 'delete')

/** A seeded source of pauses: each vault access and each command start waits 0–4 event-loop turns. */
function pauses(seed: number): () => Promise<void> {
  let state = seed >>> 0 || 1
  return async () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    const turns = (state >>> 0) % 5
    for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => setImmediate(resolve))
  }
}

let runs = 0

describe('credential lifecycle races', () => {
  it(`never sends one cloud's token or secret to the other (${RUNS} seeded interleavings)`, async ({ app, harness, time, clouds, zoom }) => {
    expect(clouds[0].sandbox.apps.s2s.clientId).not.toBe(clouds[1].sandbox.apps.s2s.clientId)
    const vault = app.vault
    const original = { get: vault.getSecret.bind(vault), set: vault.setSecret.bind(vault), del: vault.deleteSecret.bind(vault) }
    let pause: () => Promise<void> = async () => undefined
    vault.getSecret = async (...args) => (await pause(), original.get(...args))
    vault.setSecret = async (...args) => (await pause(), original.set(...args))
    vault.deleteSecret = async (...args) => (await pause(), original.del(...args))
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(command, { minLength: 2, maxLength: 7 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (commands, seed) => {
          pause = pauses(seed)
          const name = `race ${++runs}`
          let pointsAt = 0
          const profile = await app.call('profiles.create', s2sFields(clouds[0], name))
          await app.call('auth.connect', { profileId: profile.id })
          const run = async (c: Command) => {
            await pause()
            switch (c) {
              case 'connect':
                return app.call('auth.connect', { profileId: profile.id })
              case 'repoint':
                pointsAt = 1 - pointsAt
                return app.call('profiles.update', { id: profile.id, draft: s2sFields(clouds[pointsAt] as Cloud, name) })
              case 'test':
                return app.call('auth.test', { profileId: profile.id })
              case 'api':
                return zoom.forProfile(profile.id).get('/users/me')
              case 'force':
                return app.credentials.tokens.getAccessToken(profile.id, { forceRefresh: true })
              case 'expire':
                return time.advance(HOUR)
              case 'disconnect':
                return app.call('auth.disconnect', { profileId: profile.id })
              case 'delete':
                return app.call('profiles.delete', { id: profile.id })
            }
          }
          await Promise.allSettled(commands.map(run))

          for (const cloud of clouds) {
            const own = cloud.sandbox.apps.s2s.clientId
            const foreign = clientsSeenBy(cloud, clouds).filter((seen) => seen.clientId !== own)
            expect(foreign, `cloud ${cloud.name} received another cloud's credential (${commands.join(', ')}; seed ${seed})`).toEqual([])
          }
          // What is left belongs to the profile as it is now — or nothing, once it is deleted.
          const exists = (await app.call('profiles.list', undefined)).find((p) => p.id === profile.id)
          const stored = await original.get(profile.id, 'tokens').catch(() => undefined)
          if (!exists) {
            expect(stored).toBeUndefined()
            expect((await app.call('auth.statuses', undefined)).some((s) => s.profileId === profile.id)).toBe(false)
            // No connection record either (connections.json, not just the statuses shown).
            expect(await readFile(join(harness.dataDir, 'connections.json'), 'utf8').catch(() => '')).not.toContain(profile.id)
          } else if (stored !== undefined) {
            const set = JSON.parse(stored) as { clientId: string; oauthBase?: string }
            expect(set.clientId).toBe(exists.clientId)
            expect(set.oauthBase).toBe(exists.cloud.kind === 'custom' ? exists.cloud.oauthBaseUrl : undefined)
            await app.call('profiles.delete', { id: profile.id })
          }
        }),
        { numRuns: RUNS },
      )
    } finally {
      Object.assign(vault, { getSecret: original.get, setSecret: original.set, deleteSecret: original.del })
    }
  }, 300_000)
})
