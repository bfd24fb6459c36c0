import { describe, expect, it } from 'vitest'
import { codeChallenge, createPkce, generateCodeVerifier, isValidCodeVerifier } from '../../../main/auth/pkce'

describe('PKCE', () => {
  it('matches the RFC 7636 Appendix B vector', () => {
    const octets = [116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]
    const verifier = Buffer.from(octets).toString('base64url')
    expect(verifier).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')
    expect(codeChallenge(verifier, 'S256')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')
  })

  it('generates 43-character verifiers from the unreserved set, fresh every time', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const v = generateCodeVerifier()
      expect(v).toMatch(/^[A-Za-z0-9\-._~]{43}$/)
      seen.add(v)
    }
    expect(seen.size).toBe(200)
  })

  it('produces unpadded base64url challenges', () => {
    for (let i = 0; i < 100; i++) expect(createPkce('S256')?.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('uses the verifier itself for plain and nothing for none', () => {
    const plain = createPkce('plain')
    expect(plain?.challenge).toBe(plain?.verifier)
    expect(plain?.method).toBe('plain')
    expect(createPkce('none')).toBeUndefined()
  })

  it('rejects verifiers outside 43–128 unreserved characters', () => {
    expect(isValidCodeVerifier('a'.repeat(42))).toBe(false)
    expect(isValidCodeVerifier('a'.repeat(43))).toBe(true)
    expect(isValidCodeVerifier('a'.repeat(128))).toBe(true)
    expect(isValidCodeVerifier('a'.repeat(129))).toBe(false)
    expect(isValidCodeVerifier(`${'a'.repeat(42)}+`)).toBe(false)
    expect(() => codeChallenge('short', 'S256')).toThrow(RangeError)
  })
})
