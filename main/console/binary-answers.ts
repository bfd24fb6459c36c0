// Binary answers the console received (a PDF, an image, a recording…): main keeps their bytes and
// the page gets a token, a size and a type. "Save…" opens main's own save dialog and writes the
// bytes main kept, so the page never names a path nor handles the bytes, and nothing is decoded.
import { extname } from 'node:path'
import type { BinaryAnswer } from '../../common/contract/console'
import { hasLayoutCharacters } from '../../common/display-text'
import { AppError } from '../../common/errors'
import { sanitiseSegment } from '../downloads/sanitise'
import { writeFileAtomic } from '../store'
import type { DialogPort } from '../ports'
import { mediaTypeOf } from '../zoom/binary-type'

/** Answers kept (each at most the console's MAX_RESPONSE_BODY): the last few, for the response shown and the ones before it. */
const MAX_KEPT = 8

/** An extension for the save dialog's suggested name when the server suggested none. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'application/zip': '.zip',
  'video/mp4': '.mp4',
  'audio/mp4': '.m4a',
}

interface Kept {
  bytes: Buffer
  truncated: boolean
  contentType: string
  suggestedName?: string
}

/** `filename*=UTF-8''R%C3%A9union.pdf` (RFC 8187: a charset, a language, percent-encoded bytes). */
const EXTENDED = /(?:^|;)\s*filename\*\s*=\s*([^';\s]*)'[^';\s]*'([^;\s]+)/i
/** `filename="x.pdf"` or `filename=x.pdf`. */
const PLAIN = /(?:^|;)\s*filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/i

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** The name of a Content-Disposition header as the server meant it, before any check. */
function dispositionName(disposition: string): string | undefined {
  // RFC 6266 §4.3: a recipient that understands filename* uses it over filename.
  const extended = EXTENDED.exec(disposition)
  if (extended) {
    const bytes = percentDecoded(extended[2] as string)
    const charset = (extended[1] as string).toLowerCase()
    if (charset === 'iso-8859-1') return bytes.toString('latin1')
    if (charset === 'utf-8') {
      try {
        return utf8.decode(bytes)
      } catch {
        // Not UTF-8 after all: the plain filename, if any, is the name.
      }
    }
  }
  const plain = PLAIN.exec(disposition)
  const name = plain ? (plain[1] ?? plain[2]) : undefined
  if (name === undefined) return undefined
  // Node hands a header over one Latin-1 character per byte; a server writing the name in UTF-8
  // (most do) means those bytes as UTF-8. Bytes that are not UTF-8 stay Latin-1.
  const bytes = Buffer.from(name, 'latin1')
  try {
    return utf8.decode(bytes)
  } catch {
    return name
  }
}

/** `%XX` escapes as bytes, other characters as their Latin-1 byte (RFC 8187 allows only ASCII). */
function percentDecoded(text: string): Buffer {
  return Buffer.from(text.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
}

/**
 * The name a Content-Disposition header suggests, as a base name only (a server cannot name a
 * folder) that is a file name on every OS (sanitiseSegment: no reserved characters, no Windows
 * device name, no trailing dots or spaces); undefined when there is none worth offering. The
 * save dialog shows it: a name with a control character (C0 or C1) or a text-direction mark,
 * which could make `invoice\u202Efdp.exe` read as `invoiceexe.pdf`, is not offered at all, nor a
 * hidden one (a leading dot).
 */
export function suggestedNameOf(disposition: string | undefined): string | undefined {
  const name = disposition ? dispositionName(disposition)?.split(/[\\/]/).pop()?.trim() : undefined
  if (!name || hasLayoutCharacters(name) || name.startsWith('.')) return undefined
  const safe = sanitiseSegment(name, 200)
  return safe === '_' && name !== '_' ? undefined : safe
}

export class BinaryAnswers {
  private readonly kept = new Map<string, Kept>()

  constructor(private readonly deps: { dialogs: Pick<DialogPort, 'chooseSaveFile'>; newToken?: () => string }) {}

  /** Keeps an answer's bytes; what the page may know of it. */
  keep(bytes: Buffer, answer: { contentType?: string; truncated: boolean; disposition?: string }): BinaryAnswer {
    const answerToken = (this.deps.newToken ?? (() => crypto.randomUUID()))()
    const contentType = mediaTypeOf(answer.contentType) || 'application/octet-stream'
    const suggestedName = suggestedNameOf(answer.disposition)
    this.kept.set(answerToken, { bytes, truncated: answer.truncated, contentType, ...(suggestedName ? { suggestedName } : {}) })
    if (this.kept.size > MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string)
    return { answerToken, contentType, bytes: bytes.length, ...(suggestedName ? { suggestedName } : {}) }
  }

  /**
   * Main's save dialog, then the kept bytes written whole (atomically). An answer cut short by the
   * size limit is refused: a partial PDF or image saved as if whole would mislead.
   */
  async save(answerToken: string): Promise<{ saved: boolean }> {
    const answer = this.kept.get(answerToken)
    if (!answer) throw new AppError('NOT_FOUND', 'This answer is no longer kept; send the request again to save it')
    if (answer.truncated) throw new AppError('VALIDATION', `Only the first ${answer.bytes.length} bytes of this answer were kept (the console's limit); it cannot be saved whole`)
    const extension = EXTENSIONS[answer.contentType] ?? ''
    const defaultName = answer.suggestedName ?? `zoom-answer${extension}`
    const filters = extname(defaultName) ? [{ name: answer.contentType, extensions: [extname(defaultName).slice(1)] }] : undefined
    const path = await this.deps.dialogs.chooseSaveFile({ title: 'Save the answer', defaultName, ...(filters ? { filters } : {}) })
    if (!path) return { saved: false }
    try {
      await writeFileAtomic(path, answer.bytes)
    } catch (error) {
      throw new AppError('FILE_IO', `Could not write the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    return { saved: true }
  }
}
