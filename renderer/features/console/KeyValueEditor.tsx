// Editable name/value pairs (query parameters, headers).
import type { KeyValue } from '../../store/slices/console'
import { CloseIcon, PlusIcon } from '../../components/icons'

export function KeyValueEditor({ label, noun, pairs, onChange }: { label: string; noun: string; pairs: KeyValue[]; onChange(pairs: KeyValue[]): void }) {
  const set = (i: number, patch: Partial<KeyValue>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)))
  return (
    <fieldset className="kv">
      <legend className="visually-hidden">{label}</legend>
      {pairs.map((pair, i) => (
        <div className="kv-row" key={i}>
          <input className="input mono" aria-label={`${noun} ${i + 1} name`} placeholder="name" value={pair.name} onChange={(e) => set(i, { name: e.target.value })} spellCheck={false} />
          <input className="input mono" aria-label={`${noun} ${i + 1} value`} placeholder="value" value={pair.value} onChange={(e) => set(i, { value: e.target.value })} spellCheck={false} />
          <button type="button" className="btn btn-ghost btn-icon" aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`} onClick={() => onChange(pairs.filter((_, j) => j !== i))}>
            <CloseIcon size={14} />
          </button>
        </div>
      ))}
      <button type="button" className="btn btn-small btn-ghost" onClick={() => onChange([...pairs, { name: '', value: '' }])}>
        <PlusIcon size={13} /> Add {noun.toLowerCase()}
      </button>
    </fieldset>
  )
}
