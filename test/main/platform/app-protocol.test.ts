import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, resolveAppAsset, serveAppAsset } from '../../../main/platform/app-protocol'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'zc-proto-'))
  await writeFile(join(root, 'index.html'), '<html></html>')
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('app:// protocol', () => {
  it('serves files under the renderer root with their type and the strict CSP', async () => {
    const response = await serveAppAsset(root, 'app://zoom-connect/index.html')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/html')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/)
  })

  it.each(['app://zoom-connect/../../etc/passwd', 'app://zoom-connect/%2e%2e/%2e%2e/etc/passwd'])('keeps %s inside the root (URL parsing folds the dots)', async (url) => {
    expect(resolveAppAsset(root, url)).toBe(join(root, 'etc/passwd'))
    expect((await serveAppAsset(root, url)).status).toBe(404)
  })

  it.each([
    'app://zoom-connect/..%2F..%2Fetc%2Fpasswd',
    'app://other-host/index.html',
    'https://zoom-connect/index.html',
    'app://zoom-connect/%00index.html',
    'app://zoom-connect/%E0%A4%A',
  ])('refuses %s', async (url) => {
    expect(resolveAppAsset(root, url)).toBeUndefined()
    expect((await serveAppAsset(root, url)).status).toBe(404)
  })

  it('maps / to index.html and answers 404 for a missing file', async () => {
    expect(resolveAppAsset(root, 'app://zoom-connect/')).toBe(join(root, 'index.html'))
    expect((await serveAppAsset(root, 'app://zoom-connect/missing.js')).status).toBe(404)
  })
})
