// A validation result in words: who the token belongs to, or what went wrong.
import type { ValidationResult } from '../../common/contract/index'

export function TestResultText({ result }: { result: ValidationResult }) {
  if (result.ok) {
    const who = result.identity?.displayName ?? result.identity?.email
    return (
      <span className="ok-text">
        ✓ Works{who ? ` — signed in as ${who}${result.identity?.email && result.identity.displayName ? ` (${result.identity.email})` : ''}` : ''} · HTTP {result.httpStatus ?? 200} in {Math.round(result.latencyMs)} ms
      </span>
    )
  }
  return (
    <span className="error">
      ✗ {result.error?.message ?? 'The test failed.'}
      {result.httpStatus ? ` (HTTP ${result.httpStatus})` : ''}
    </span>
  )
}
