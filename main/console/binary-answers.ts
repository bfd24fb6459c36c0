// Binary answers the console received (a PDF, an image, a recording…): main keeps their bytes and
// the page gets a token, a size and a type. "Save…" opens main's own save dialog and writes the
// bytes main kept, so the page never names a path nor handles the bytes, and nothing is decoded.
import { extname } from 'node:path'
import type { BinaryAnswer } from '../../common/contract/console'
import { AppError } from '../../common/errors'
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

/** `filename="x.pdf"` of a Content-Disposition header, as a base name only (a server cannot name a folder). */
export function suggestedNameOf(disposition: string | undefined): string | undefined {
  const match = disposition ? /filename\s*=\s*"?([^";]+)"?/i.exec(disposition) : null
  const name = match?.[1]?.split(/[\\/]/).pop()?.trim()
  // Control characters and a leading dot are not part of any name worth suggesting.
  return name && ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f) && !name.startsWith('.') ? name.slice(0, 200) : undefined
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
