// "Test connection": calls the validation URL with the cached token and says what happened.
import { useState } from 'react'
import { useFocusReturn } from '../../components/use-focus-return'
import type { ValidationResult } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { TestResultText } from '../overview/TestResultText'

export function TestConnection({ profileId }: { profileId: string }) {
  const test = useStore((s) => s.testConnection)
  const busy = useStore((s) => s.busy[profileId])
  const [result, setResult] = useState<ValidationResult | { error: string }>()
  const button = useFocusReturn<HTMLButtonElement>(busy !== undefined)
  const run = async () => {
    try {
      setResult(await test(profileId))
    } catch (error) {
      setResult({ error: errorMessage(error) })
    }
  }
  return (
    <>
      <button ref={button} type="button" className="btn" disabled={busy !== undefined} onClick={() => void run()}>
        {busy === 'testing' ? 'Testing…' : 'Test connection'}
      </button>
      <span role="status" className="test-result">
        {result && ('ok' in result ? <TestResultText result={result} /> : <span className="error">{result.error}</span>)}
      </span>
    </>
  )
}
