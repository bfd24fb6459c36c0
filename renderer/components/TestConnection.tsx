// "Test connection": calls the validation URL with the cached token and says what happened; when
// Zoom still refuses (main refreshed once already), it offers Reconnect right there. Shown on the
// overview and in the editor; the outcome and the busy state live in the connections slice, so
// both show the same thing.
import { useFocusReturn } from './use-focus-return'
import { useStore } from '../store/index'
import { TestResultText } from './TestResultText'

export function TestConnection({ profileId }: { profileId: string }) {
  const test = useStore((s) => s.testConnection)
  const connect = useStore((s) => s.connectWithNotice)
  const busy = useStore((s) => s.busy[profileId])
  const result = useStore((s) => s.lastTest[profileId])
  const button = useFocusReturn<HTMLButtonElement>(busy === 'testing')
  const failed = result !== undefined && (!('ok' in result) || !result.ok)
  return (
    <>
      <button ref={button} type="button" className="btn" disabled={busy !== undefined} onClick={() => void test(profileId)}>
        {busy === 'testing' ? 'Testing…' : 'Test connection'}
      </button>
      <span role="status" className="test-result">
        {result && ('ok' in result ? <TestResultText result={result} /> : <span className="error">{result.error}</span>)}
      </span>
      {failed && (
        <button type="button" className="btn btn-primary" disabled={busy !== undefined} onClick={() => void connect(profileId)}>
          Reconnect
        </button>
      )}
    </>
  )
}
