// Copies non-secret text (a redirect URL, a scope list, a curl command) and says so. Main writes
// the clipboard (app.copyText): pages get no clipboard permission, so navigator.clipboard would
// fail. Tokens are never copied this way: main reads those from the vault itself.
import { useEffect, useState } from 'react'
import { useStore } from '../store/index'
import { CheckIcon, CopyIcon } from './icons'

export function CopyButton({ text, label, className = 'btn btn-small' }: { text: string; label: string; className?: string }) {
  const copyText = useStore((s) => s.copyText)
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return undefined
    const timer = setTimeout(() => setState('idle'), 2000)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async () => {
    try {
      await copyText(text)
      setState('copied')
    } catch {
      setState('failed')
    }
  }
  return (
    // The accessible name always contains the visible word ("Copy", "Copied", "Copy failed"), as
    // WCAG's label-in-name asks, and starts with the label so it stays findable.
    <button type="button" className={className} onClick={() => void copy()} disabled={!text} aria-label={state === 'idle' ? label : `${label}: ${state === 'copied' ? 'copied' : 'copy failed'}`}>
      {state === 'copied' ? <CheckIcon size={14} /> : <CopyIcon size={14} />}
      <span aria-hidden="true">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
      <span className="visually-hidden" role="status">
        {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : ''}
      </span>
    </button>
  )
}
