// Whether an answer is text the console may show, or bytes it must keep as they are (a PDF, an
// image, a recording, application/octet-stream). Decoding bytes as UTF-8 garbles them for good:
// the console shows a binary answer by its size and type and saves its bytes untouched.

/** Media types that are text whatever their subtype says (RFC 6838 structured-syntax suffixes included). */
const TEXT_TYPES = /^(text\/.*|application\/(.*[+/])?(json|xml|yaml|x-yaml|javascript|ecmascript|graphql|x-www-form-urlencoded|x-ndjson|csv)|image\/svg\+xml)$/

/** The media type of a Content-Type header, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase()
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * An answer is binary when its declared type is not a text type; without a type, when its bytes
 * are not UTF-8 text (a NUL or a sequence UTF-8 cannot read). `sample` is the answer's first bytes;
 * a multi-byte character cut at its end does not count against it.
 */
export function isBinaryAnswer(contentType: string | undefined, sample: Uint8Array): boolean {
  const type = mediaTypeOf(contentType)
  if (type !== '') return !TEXT_TYPES.test(type)
  if (sample.includes(0)) return true
  try {
    strictUtf8.decode(sample.subarray(0, trimCutCharacter(sample)))
    return false
  } catch {
    return true
  }
}

/** The length of `bytes` without a UTF-8 sequence left unfinished at its end. */
function trimCutCharacter(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back]!
    if ((byte & 0xc0) !== 0x80) {
      const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1
      return need > back ? bytes.length - back : bytes.length
    }
  }
  return bytes.length
}
