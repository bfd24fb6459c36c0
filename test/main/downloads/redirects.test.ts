// A recording download follows a redirect only to https within Zoom's download hosts or the
// connection's allowed domains. A redirect to plain http, or to any other host, fails with
// DOMAIN_NOT_ALLOWED before a connection is opened: no byte reaches the target file and the
// bearer token (header or access_token in the URL) goes nowhere it was not meant to.
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Cloud, Profile } from '../../../common/profile'
import { compileAllowlist } from '../../../common/zoom/allowlist'
import { zoomDownloadSource } from '../../../main/downloads/source'
import { transferOnce } from '../../../main/downloads/transfer'
import { systemScheduler } from '../../../main/ports'
import { createZoomClients } from '../../../main/zoom'
import { downloadRedirectDomains } from '../../../main/zoom/download-hosts'
import { callState, createProfileHttp } from '../../../main/zoom/http'
import { FAST_RETRY, FAST_TIMEOUTS, loopbackProfile, profileLookup } from '../zoom/sandbox-helpers'
import { caught } from '../../support/caught'
import { type Answer, recordingServer, type RecordingServer } from '../../support/recording-server'

const TOKEN = 'canary-download-token-5d1e77'

let other: RecordingServer
let home: RecordingServer
let folder: string

beforeAll(async () => {
  other = await recordingServer(() => ({ status: 200, headers: { 'content-type': 'video/mp4', 'content-length': '5' }, body: 'bytes' }))
  home = await recordingServer((url): Answer => {
    // 127.0.0.2 is not loopback for the allowlist (only 127.0.0.1, localhost and ::1 are), so it
    // stands for any host reached over plain http; nothing listens there, so no byte leaves.
    if (url.startsWith('/rec/download/plain')) return { status: 302, headers: { location: `http://127.0.0.2:${other.port}/file.mp4?access_token=${TOKEN}` } }
    if (url.startsWith('/rec/download/foreign')) return { status: 302, headers: { location: `${other.url}/file.mp4` } }
    if (url.startsWith('/rec/download/ftp')) return { status: 302, headers: { location: `ftp://127.0.0.1:${other.port}/file.mp4` } }
    if (url.startsWith('/rec/download/same')) return { status: 302, headers: { location: '/files/same.mp4' } }
    return { status: 200, headers: { 'content-type': 'video/mp4', 'content-length': '5' }, body: 'bytes' }
  })
})
afterAll(async () => {
  await other.close()
  await home.close()
})
beforeEach(async () => {
  other.reset()
  folder = await mkdtemp(join(tmpdir(), 'zc-redirects-'))
  return () => rm(folder, { recursive: true, force: true })
})

function profile(): Profile {
  return loopbackProfile(home.url)
}

function source() {
  const zoom = createZoomClients({ tokens: { getAccessToken: async () => ({ accessToken: TOKEN }) }, profiles: profileLookup(profile()), retry: FAST_RETRY, timeouts: FAST_TIMEOUTS })
  return zoomDownloadSource(zoom)
}

function transfer(path: string, finalPath: string) {
  return transferOnce({ source: source(), scheduler: systemScheduler, profileId: 'p1', url: `${home.url}${path}`, folder: dirname(finalPath), finalPath, fileSize: 5, signal: new AbortController().signal, stallTimeoutMs: 5_000, onProgress: () => undefined })
}

describe('recording download redirects', () => {
  it('refuses a redirect to plain http with DOMAIN_NOT_ALLOWED, writing nothing and sending the token nowhere', async () => {
    const target = join(folder, 'host', 'plain.mp4')
    const error = await caught(transfer('/rec/download/plain', target))
    expect(error.code).toBe('DOMAIN_NOT_ALLOWED')
    expect(error.message).toMatch(/redirect/i)
    expect(error.message).toContain('plain http')
    expect(error.message).not.toContain(TOKEN)
    expect(existsSync(target)).toBe(false)
    expect(existsSync(`${target}.part`)).toBe(false)
    expect(other.connections).toBe(0)
  })

  it('refuses a redirect to a host outside the allowed domains, and to another scheme, before connecting', async () => {
    for (const path of ['/rec/download/foreign', '/rec/download/ftp']) {
      const target = join(folder, 'host', `${path.split('/').pop()}.mp4`)
      const error = await caught(transfer(path, target))
      expect(error.code, path).toBe('DOMAIN_NOT_ALLOWED')
      expect(existsSync(`${target}.part`)).toBe(false)
    }
    expect(other.connections).toBe(0)
    expect(await readdir(join(folder, 'host')).catch(() => [])).toEqual([])
  })

  it('follows a redirect within the allowed domains, with the token, and writes the file', async () => {
    const target = join(folder, 'host', 'same.mp4')
    const before = home.requests.length
    await transfer('/rec/download/same', target)
    expect(existsSync(target)).toBe(true)
    expect(home.requests.slice(before).map((r) => r.url)).toEqual(['/rec/download/same', '/files/same.mp4'])
    expect(home.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`)
  })
})

describe('a redirect from https', () => {
  // Loopback here has no TLS, so the profile's got hook itself is given the hop got would take.
  const beforeRedirect = () => {
    const http = createProfileHttp({ profileId: 'p1', tokens: { getAccessToken: async () => ({ accessToken: TOKEN }) }, allowed: () => compileAllowlist(['127.0.0.1:8443', 'zoom.us']), limiter: () => undefined, retry: FAST_RETRY, timeouts: FAST_TIMEOUTS, log: undefined, now: Date.now })
    const hook = http.got.defaults.options.hooks.beforeRedirect[0]!
    return (from: string, to: string) => hook({ context: { zoom: callState('api', undefined, TOKEN) }, url: new URL(to) } as never, { url: from } as never)
  }

  it('to plain http is refused, even to an allowed loopback host', () => {
    const hop = beforeRedirect()
    expect(() => hop('https://zoom.us/rec/download/x', 'http://127.0.0.1:8443/file.mp4')).toThrow(expect.objectContaining({ code: 'DOMAIN_NOT_ALLOWED', message: expect.stringContaining('plain http') }))
    expect(() => hop('https://zoom.us/rec/download/x', 'https://zoom.us/file.mp4')).not.toThrow()
  })
})

describe("Zoom's download hosts", () => {
  const check = (cloud: Cloud, url: string) => compileAllowlist(downloadRedirectDomains(cloud))(new URL(url)).ok

  it('are https hosts of the cloud’s own domain, nothing else', () => {
    expect(check({ kind: 'zoom' }, 'https://ssrweb.zoom.us/replay/file.mp4')).toBe(true)
    expect(check({ kind: 'zoom' }, 'https://zoom.us/rec/download/x')).toBe(true)
    expect(check({ kind: 'zoom' }, 'https://file.zoom.com/replay/file.mp4')).toBe(true)
    expect(check({ kind: 'zoom' }, 'https://zoom.com.evil.example/file.mp4')).toBe(false)
    expect(check({ kind: 'zoom' }, 'http://ssrweb.zoom.us/replay/file.mp4')).toBe(false)
    expect(check({ kind: 'zoom' }, 'https://ssrweb.zoom.us.evil.example/file.mp4')).toBe(false)
    expect(check({ kind: 'zoom' }, 'https://zoomgov.com/rec/download/x')).toBe(false)
    expect(check({ kind: 'zoomgov' }, 'https://ssrweb.zoomgov.com/file.mp4')).toBe(true)
    expect(check({ kind: 'custom', oauthBaseUrl: 'https://zoom.example', apiBaseUrl: 'https://api.zoom.example' }, 'https://ssrweb.zoom.us/file.mp4')).toBe(false)
  })
})
