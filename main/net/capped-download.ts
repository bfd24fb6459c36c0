// Answers read whole into memory (a token response, an API file, a validation answer) are
// capped as they arrive: once more than the cap has come, the request is cancelled, so a huge or
// endless body is never held whole, whatever it declared. got counts the bytes as it reads them.

/** The part of a got promise this needs. */
export interface CancelableDownload {
  on(event: 'downloadProgress', listener: (progress: { transferred: number }) => void): unknown
  cancel(): void
}

/**
 * Cancels `request` once more than `maxBytes` of its answer arrived; the result says whether it did.
 * `onOver` is told just before the cancel, for a caller that keeps the fact elsewhere.
 */
export function capDownload(request: CancelableDownload, maxBytes: number, onOver?: () => void): () => boolean {
  let over = false
  request.on('downloadProgress', ({ transferred }) => {
    if (over || transferred <= maxBytes) return
    over = true
    onOver?.()
    request.cancel()
  })
  return () => over
}
