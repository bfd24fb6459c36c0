import { AppError } from '../../common/errors'

/**
 * Lets one caller stop waiting without cancelling the shared work: a single-flight refresh serves
 * every caller, so one caller's abort must not abort it for the others.
 */
export function abortable<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work
  if (signal.aborted) return Promise.reject(abortReason(signal))
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal))
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort)
        reject(error)
      },
    )
  })
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason instanceof AppError ? signal.reason : new AppError('CANCELLED', 'The request was cancelled')
}
