// An action started from a button or a form: pending while it runs (to disable the control),
// and the readable message of its failure to show next to what caused it.
import { useState } from 'react'
import { errorMessage } from '../ipc'

export function usePendingAction() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string>()
  /** Runs the action; true when it succeeded, false when it failed (the message is in `error`). */
  const run = async (action: () => unknown): Promise<boolean> => {
    setPending(true)
    setError(undefined)
    try {
      await action()
      return true
    } catch (e) {
      setError(errorMessage(e))
      return false
    } finally {
      setPending(false)
    }
  }
  return { pending, error, run, clearError: () => setError(undefined) }
}
