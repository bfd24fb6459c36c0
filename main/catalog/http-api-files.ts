// Zoom's OpenAPI files from Zoom's API hub, asked conditionally (ETag / Last-Modified) so an
// unchanged file costs a 304. These are public documents: no credential is ever sent.
import got, { type BeforeRequestHook } from 'got'
import { capDownload } from '../net/capped-download'
import { PUBLIC_DOCUMENT_MAX_BYTES, publicDocumentHooks } from '../net/public-text'
import { AppError } from '../../common/errors'
import { apiHubUrl, type ApiProductName } from '../../common/zoom/api/products'
import type { ApiFileAnswer, ApiFileSource } from './ports'

export interface HttpApiFileOptions {
  /** Where a product's file is; Zoom's API hub by default (tests: a loopback server). */
  urlFor?: (product: ApiProductName) => string
  timeoutMs?: number
  /** The system proxy, as for the rest of main's HTTP (main/net/proxy). */
  proxy?: BeforeRequestHook
  /** Largest answer read (decompressed); tests lower it. */
  maxBytes?: number
}

export function createHttpApiFileSource(options: HttpApiFileOptions = {}): ApiFileSource {
  const urlFor = options.urlFor ?? apiHubUrl
  return {
    async fetch(product, validators, signal): Promise<ApiFileAnswer> {
      const headers: Record<string, string> = { accept: 'application/json' }
      if (validators.etag) headers['if-none-match'] = validators.etag
      if (validators.lastModified) headers['if-modified-since'] = validators.lastModified
      const maxBytes = options.maxBytes ?? PUBLIC_DOCUMENT_MAX_BYTES
      const tooLarge = new AppError('NETWORK', `Zoom's ${product} API file is larger than expected.`)
      let response
      try {
        const request = got(urlFor(product), {
          headers,
          responseType: 'text',
          throwHttpErrors: false,
          followRedirect: true,
          retry: { limit: 1 },
          timeout: { request: options.timeoutMs ?? 60_000 },
          hooks: publicDocumentHooks(options.proxy, `Zoom's ${product} API file`),
          ...(signal ? { signal } : {}),
        })
        // An endless or huge answer is dropped at the cap, not held whole.
        const over = capDownload(request, maxBytes)
        try {
          response = await request
        } catch (error) {
          if (over()) throw tooLarge
          throw error
        }
      } catch (error) {
        if (error instanceof AppError) throw error
        const cause = (error as { cause?: unknown } | null)?.cause
        if (cause instanceof AppError) throw cause
        throw new AppError('NETWORK', `Zoom's ${product} API file could not be downloaded: ${error instanceof Error ? error.message : String(error)}`)
      }
      if (response.statusCode === 304) return { kind: 'unchanged' }
      if (response.statusCode !== 200) throw new AppError('NETWORK', `Zoom's ${product} API file: HTTP ${response.statusCode}.`)
      if (Buffer.byteLength(response.body) > maxBytes) throw tooLarge
      const etag = response.headers.etag
      const lastModified = response.headers['last-modified']
      return { kind: 'fresh', text: response.body, ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) }
    },
  }
}
