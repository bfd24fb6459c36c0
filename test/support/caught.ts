import { isAppError, type AppError } from '../../common/errors'

/** The AppError a promise rejects with; anything else (or no rejection) fails the test. */
export async function caught(promise: unknown): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return error
    throw error
  }
  throw new Error('expected a rejection')
}
