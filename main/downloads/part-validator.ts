// The validator of a .part: what names the version of the file its bytes came from. A resume
// sends it as If-Range (RFC 9110 §13.1.5): a server whose file is unchanged answers 206 with the
// rest; one whose file changed meanwhile (a recording processed again) ignores the Range and
// answers 200 with the whole new file, which the transfer writes from the start. Without it the
// tail of the new file was appended to the head of the old one, and passed the size check when
// both had the same size.
//
// Which validator (RFC 9110 §13.1.5): the ETag when it is strong. A weak W/"…" may not be sent in
// If-Range, and while the response has an ETag its date may not either. With no ETag at all,
// Last-Modified, but only when it is strong in the sense of §8.8.2.2: the response's Date is at
// least a second later, since a file could change twice within the second a date names. Else
// none, and the resume goes without If-Range, as before, checked only against Zoom's file_size. reference/zoom-api.md and Zoom's OpenAPI files say nothing of the headers
// download_url's responses carry, so each of these cases is handled.
//
// It is kept in `<final>.part.validator` beside the .part, since the app may quit between
// attempts. The file holds the validator alone (no URL, no token) and is written, never through a
// link, after the .part is emptied and before any byte is written to it.
import { rm } from 'node:fs/promises'
import { headerValue } from '../zoom/errors'
import { DOCUMENT_FILE_MODE } from '../data/document-mode'
import { entryAt, openNoFollow } from './no-follow'
import { validatorPathOf } from './part-files'

type Headers = Record<string, string | string[] | undefined>

/** A strong entity tag: `"` opaque characters `"` (RFC 9110 §8.8.3), no W/ prefix. */
const STRONG_ETAG = /^"[\x21\x23-\x7e\x80-\xff]*"$/
/** The HTTP-date form servers send (IMF-fixdate, RFC 9110 §5.6.7); it is sent back exactly as given. */
const IMF_FIXDATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

const isValidator = (value: string): boolean => STRONG_ETAG.test(value) || IMF_FIXDATE.test(value)

/** The If-Range value for later resumes of the file this response starts, or undefined when it has none. */
export function validatorOf(headers: Headers): string | undefined {
  const etag = headerValue(headers, 'etag')?.trim()
  if (etag !== undefined) return STRONG_ETAG.test(etag) ? etag : undefined
  const modified = headerValue(headers, 'last-modified')?.trim()
  const date = headerValue(headers, 'date')?.trim()
  if (modified === undefined || date === undefined || !IMF_FIXDATE.test(modified)) return undefined
  return Date.parse(date) - Date.parse(modified) >= 1000 ? modified : undefined
}

/**
 * False when a 206 says it is of another version than `validator`: a server (or a proxy) that
 * does not implement If-Range sends the asked range of whatever file it has now. A 206 carries
 * the validators a 200 would (RFC 9110 §15.3.7); one that carries none is taken at its word.
 */
export function sameVersion(validator: string, headers: Headers): boolean {
  const now = STRONG_ETAG.test(validator) ? headerValue(headers, 'etag') : headerValue(headers, 'last-modified')
  return now === undefined || now.trim() === validator
}

/** What a .part's validator file says: nothing kept, a validator, or something unusable. */
export type StoredValidator = { kind: 'none' } | { kind: 'kept'; value: string } | { kind: 'unusable' }

/** Longer than any validator file this app writes: a bigger one is not ours. */
const MAX_BYTES = 1024

/** Reads the validator kept for `finalPath`'s .part; a link there is refused (DownloadPathRefusedError). */
export async function readValidator(finalPath: string): Promise<StoredValidator> {
  const path = validatorPathOf(finalPath)
  if ((await entryAt(path)).kind === 'missing') return { kind: 'none' }
  const handle = await openNoFollow(path, 'read')
  try {
    const buffer = Buffer.alloc(MAX_BYTES + 1)
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
    if (bytesRead > MAX_BYTES) return { kind: 'unusable' }
    const parsed: unknown = JSON.parse(buffer.subarray(0, bytesRead).toString('utf8'))
    const value = (parsed as { ifRange?: unknown } | null)?.ifRange
    return typeof value === 'string' && isValidator(value) ? { kind: 'kept', value } : { kind: 'unusable' }
  } catch (error) {
    if (error instanceof SyntaxError) return { kind: 'unusable' }
    throw error
  } finally {
    await handle.close()
  }
}

/**
 * Replaces the kept validator with `value` (or with none). Whatever was at the path is removed
 * first (a link itself, never its target) and the new file is made with O_EXCL.
 */
export async function keepValidator(finalPath: string, value: string | undefined): Promise<void> {
  const path = validatorPathOf(finalPath)
  await rm(path, { force: true })
  if (value === undefined) return
  const handle = await openNoFollow(path, 'create', DOCUMENT_FILE_MODE)
  try {
    await handle.writeFile(JSON.stringify({ ifRange: value }))
  } finally {
    await handle.close()
  }
}
