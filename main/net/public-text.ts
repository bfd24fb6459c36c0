// Public documents main downloads as text (Zoom's event schema files): no credential, capped as
// they arrive, through the system proxy, and never over plain http once https was asked for.
import got, { type BeforeRequestHook, type Hooks } from 'got'
import { AppError } from '../../common/errors'
import { capDownload } from './capped-download'
import { proxyOptions } from './proxy'

/**
 * Largest of Zoom's public documents main reads whole (its OpenAPI and event files), downloaded or
 * read back from the copies kept in the data folder. The largest real ones are under 4 MB
 * (Phone.json 3.6 MB; Meetings' event file 2.1 MB, measured March 2026): 32 MiB leaves room for
 * Zoom's files to grow many times over, while a file far larger is not one of them and is never
 * held whole (nor parsed, which takes several times its size in memory).
 */
export const PUBLIC_DOCUMENT_MAX_BYTES = 32 * 1024 * 1024

export interface PublicTextOptions {
  proxy?: BeforeRequestHook | undefined
  /** Largest answer read (default PUBLIC_DOCUMENT_MAX_BYTES). */
  maxBytes?: number
  timeoutMs?: number
}

/** A redirect from https to plain http would let anyone on the way rewrite the document. */
export function httpsDowngrade(from: URL, to: URL): boolean {
  return from.protocol === 'https:' && to.protocol !== 'https:'
}

/**
 * got's hooks for a public document: the system proxy, and a redirect to plain http refused with a
 * NETWORK error naming `what` was asked for (the caller's words: "Zoom's accounts API file").
 */
export function publicDocumentHooks(proxy: BeforeRequestHook | undefined, what: string): Partial<Hooks> {
  return {
    ...proxyOptions(proxy).hooks,
    beforeRedirect: [
      (next, answer) => {
        if (httpsDowngrade(new URL(answer.url), next.url as URL)) throw new AppError('NETWORK', `${what}: a redirect to plain http was refused.`)
      },
    ],
  }
}

/** `fetchText(url)`: the document's text; throws NETWORK (too large, refused redirect, HTTP error) or got's error. */
export function createPublicTextFetcher(options: PublicTextOptions = {}): (url: string) => Promise<string> {
  const maxBytes = options.maxBytes ?? PUBLIC_DOCUMENT_MAX_BYTES
  return async (url) => {
    const request = got(url, {
      timeout: { request: options.timeoutMs ?? 30_000 },
      retry: { limit: 1 },
      hooks: publicDocumentHooks(options.proxy, new URL(url).host),
    })
    const tooLarge = capDownload(request, maxBytes)
    try {
      return await request.text()
    } catch (error) {
      if (tooLarge()) throw new AppError('NETWORK', `${new URL(url).host} answered with more than ${Math.round(maxBytes / 1024 / 1024)} MB.`)
      throw error
    }
  }
}
