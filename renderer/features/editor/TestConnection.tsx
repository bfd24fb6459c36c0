// "Test connection": calls the validation URL with the cached token and says what happened; when
// Zoom still refuses (main refreshed once already), it offers Reconnect right there.
import { useState } from 'react'
import { useFocusReturn } from '../../components/use-focus-return'
import type { ValidationResult } from '../../../common/contract/index'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'
import { useConnectionCommands } from '../connection/use-connection-commands'
import { TestResultText } from '../overview/TestResultText'

export function TestConnection({ profileId }: { profileId: string }) {
  const test = useStore((s) => s.testConnection)
  const busy = useStore((s) => s.busy[profileId])
  const [result, setResult] = useState<ValidationResult | { error: string }>()
  const button = useFocusReturn<HTMLButtonElement>(busy === 'testing')
  const commands = useConnectionCommands(profileId)
  const failed = result !== undefined && (!('ok' in result) || !result.ok)
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
      {failed && (
        <button type="button" className="btn btn-primary" disabled={busy !== undefined} onClick={() => void commands.connect().then(() => setResult(undefined))}>
          Reconnect
        </button>
      )}
    </>
  )
}
