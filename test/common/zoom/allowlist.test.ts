import { describe, expect, it } from 'vitest'
import { checkUrlAllowed } from '../../../common/zoom/allowlist'
import { defaultAllowedDomains } from '../../../common/profile'

const zoom = defaultAllowedDomains({ kind: 'zoom' })
const allowed = (url: string, domains: string[] = zoom) => checkUrlAllowed(new URL(url), domains).ok

describe('checkUrlAllowed', () => {
  it('accepts the Zoom hosts and their subdomains over https', () => {
    expect(allowed('https://api.zoom.us/v2/users/me')).toBe(true)
    expect(allowed('https://eu01api.zoom.us/v2/users')).toBe(true)
    expect(allowed('https://zoom.us/rec/download/abc')).toBe(true)
    expect(allowed('https://API.ZOOM.US./v2/users')).toBe(true)
  })

  it('refuses look-alikes, other ports and plain http', () => {
    expect(allowed('https://evilzoom.us/x')).toBe(false)
    expect(allowed('https://zoom.us.evil.example/x')).toBe(false)
    expect(allowed('https://api.zoom.us:8443/v2/users')).toBe(false)
    expect(allowed('http://api.zoom.us/v2/users')).toBe(false)
    expect(allowed('https://user:pw@api.zoom.us/v2/users')).toBe(false)
  })

  it('matches a wildcard only for subdomains, not the bare domain', () => {
    expect(allowed('https://example.com/', ['*.example.com'])).toBe(false)
    expect(allowed('https://a.b.example.com/', ['*.example.com'])).toBe(true)
  })

  it('is port-aware: an entry with a port matches only that port', () => {
    const local = ['127.0.0.1:4455']
    expect(allowed('http://127.0.0.1:4455/v2/users', local)).toBe(true)
    expect(allowed('http://127.0.0.1:4456/v2/users', local)).toBe(false)
    expect(allowed('http://127.0.0.1/v2/users', local)).toBe(false)
    expect(allowed('https://api.example.com:443/', ['api.example.com'])).toBe(true)
    expect(allowed('https://api.example.com/', ['api.example.com:8443'])).toBe(false)
  })

  it('allows plain http to loopback only', () => {
    expect(allowed('http://localhost:8080/', ['localhost:8080'])).toBe(true)
    expect(allowed('http://10.0.0.5:8080/', ['10.0.0.5:8080'])).toBe(false)
  })
})
