import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { resolveConsoleUrl } from '../../../common/zoom/console-url'
import { shellQuote, toCurl, TOKEN_PLACEHOLDER } from '../../../common/zoom/curl'

describe('resolveConsoleUrl', () => {
  const base = 'https://api.zoom.us'
  const href = (input: string, query: { name: string; value: string }[] = []) => {
    const r = resolveConsoleUrl(input, base, query)
    return r.ok ? r.url.href : `error: ${r.message}`
  }

  it('accepts paths with or without /v2 and absolute URLs', () => {
    expect(href('/users/me')).toBe('https://api.zoom.us/v2/users/me')
    expect(href('users/me')).toBe('https://api.zoom.us/v2/users/me')
    expect(href('/v2/users/me')).toBe('https://api.zoom.us/v2/users/me')
    expect(href('/v2')).toBe('https://api.zoom.us/v2')
    expect(href('https://eu01api.zoom.us/v2/users')).toBe('https://eu01api.zoom.us/v2/users')
  })

  it('appends query pairs, encoded', () => {
    expect(href('/users?status=active', [{ name: 'page_size', value: '300' }, { name: 'q', value: 'a b&c' }])).toBe(
      'https://api.zoom.us/v2/users?status=active&page_size=300&q=a+b%26c',
    )
  })

  it('never leaves the API origin for a path, and refuses non-http schemes', () => {
    // A protocol-relative path stays a path on the API host.
    expect(href('//evil.example/x')).toBe('https://api.zoom.us/v2//evil.example/x')
    expect(href('/../../oauth/token')).toBe('https://api.zoom.us/oauth/token')
    expect(href('javascript:alert(1)')).toMatch(/^error/)
    expect(href('ftp://api.zoom.us/x')).toMatch(/^error/)
    expect(href('   ')).toMatch(/^error/)
  })
})

describe('toCurl', () => {
  const token = 'eyJ-real-token-never-in-curl'
  const command = toCurl({
    method: 'post',
    url: "https://api.zoom.us/v2/users/me/meetings?x=it's",
    headers: [
      { name: 'Authorization', value: `Bearer ${token}` },
      { name: 'X-Note', value: "it's $HOME" },
    ],
    body: '{"topic":"Bob\'s sync"}',
  })

  it('uses the placeholder, never the token', () => {
    expect(command).toContain(`"Authorization: Bearer ${TOKEN_PLACEHOLDER}"`)
    expect(command).not.toContain(token)
    expect(command).toContain("--header 'Content-Type: application/json'")
    expect(command.startsWith('curl --request POST')).toBe(true)
  })

  it('quotes for a POSIX shell: the arguments come out exactly as given', () => {
    const echoed = execFileSync('/bin/sh', ['-c', `printf '%s\\n' ${shellQuote("it's $HOME `x` \\ \"q\"")}`]).toString()
    expect(echoed).toBe("it's $HOME `x` \\ \"q\"\n")
    // Parse the whole command with the shell (curl replaced by printf) and compare the arguments.
    const args = execFileSync('/bin/sh', ['-c', `ZOOM_ACCESS_TOKEN=T; printf '%s\\n' ${command.slice('curl '.length)}`]).toString().split('\n')
    expect(args).toContain("https://api.zoom.us/v2/users/me/meetings?x=it's")
    expect(args).toContain("X-Note: it's $HOME")
    expect(args).toContain('Authorization: Bearer T')
    expect(args).toContain('{"topic":"Bob\'s sync"}')
  })
})
