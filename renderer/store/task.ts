// An action's running and failed state, kept in the slice that owns the action so every component
// showing it reads the same thing (a button's progress, the error beside it).
import { errorMessage } from '../ipc'

/** The running action, or the last one that failed and why (until the next one starts or it is dismissed). */
export type Task<A extends string> = { action: A; running: true; error?: undefined } | { action: A; running: false; error: string }

/** Whether `action` is running, and its error if it was the last to fail. */
export function taskOf<A extends string>(task: Task<A> | undefined, action: A): { pending: boolean; error: string | undefined } {
  return task?.action === action ? { pending: task.running, error: task.error } : { pending: false, error: undefined }
}

/**
 * Runs `action`, recording it with `record`: running, then cleared, or failed with the readable
 * reason. The failure is also rethrown, so a caller can still tell success from failure.
 */
export async function trackTask<A extends string, T>(record: (task: Task<A> | undefined) => void, action: A, run: () => Promise<T>): Promise<T> {
  record({ action, running: true })
  try {
    const result = await run()
    record(undefined)
    return result
  } catch (error) {
    record({ action, running: false, error: errorMessage(error) })
    throw error
  }
}
