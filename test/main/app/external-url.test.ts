import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../main/external-url'

describe('external links', () => {
  it.each(['https://marketplace.zoom.us/develop/create', 'https://developers.zoom.us/docs/', 'https://zoom.us/', 'https://support.zoom.com/hc', 'https://marketplace.zoomgov.com/'])('opens %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'http://marketplace.zoom.us/',
    'https://evil.example/',
    'https://zoom.us.evil.example/',
    'https://evilzoom.us/',
    'https://user:pass@marketplace.zoom.us/',
    'https://marketplace.zoom.us:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://zoom.us/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
