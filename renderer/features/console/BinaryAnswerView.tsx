// A binary answer (PDF, image, octet-stream…): its size and type, and Save…, which asks main to
// open its own save dialog and write the bytes it kept. The bytes never come to the page, so they
// are never decoded into text, and the page never learns where they were saved.
import { useState } from 'react'
import type { BinaryAnswer } from '../../../common/contract/index'
import { call, errorMessage } from '../../ipc'
import { formatSize } from './form-body'

export function BinaryAnswerView({ answer, truncated }: { answer: BinaryAnswer; truncated: boolean }) {
  const [status, setStatus] = useState<{ tone: 'ok' | 'bad'; text: string }>()
  const save = async () => {
    setStatus(undefined)
    try {
      const { saved } = await call('console.saveAnswer', { answerToken: answer.answerToken })
      if (saved) setStatus({ tone: 'ok', text: 'Saved.' })
    } catch (error) {
      setStatus({ tone: 'bad', text: errorMessage(error) })
    }
  }
  return (
    <div className="stack" style={{ gap: 6 }} data-testid="binary-answer">
      <p>
        Binary answer, {answer.bytes} bytes ({answer.contentType})
        {truncated ? ` — only the first ${formatSize(answer.bytes)} were kept, so it cannot be saved whole.` : ''}
      </p>
      <div>
        <button type="button" className="btn btn-small" onClick={() => void save()} disabled={truncated}>
          Save…
        </button>
      </div>
      {status && (
        <p className={status.tone === 'bad' ? 'error' : 'muted'} role="status">
          {status.text}
        </p>
      )}
    </div>
  )
}
