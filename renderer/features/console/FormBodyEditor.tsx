// A multipart form body: named rows of text or a file. A file is chosen in main's own open dialog
// (console.pickFile): the page gets back a token, the file's name and size, never its path, and
// sends the token; main reads the file only as it sends it.
import { useState } from 'react'
import { call, errorMessage } from '../../ipc'
import type { FormRow } from '../../store/slices/console'
import { formatSize } from './form-body'

export function FormBodyEditor({ rows, onChange, required }: { rows: FormRow[]; onChange(rows: FormRow[]): void; required?: readonly string[] }) {
  const [problem, setProblem] = useState<string>()
  const set = (i: number, row: FormRow) => onChange(rows.map((r, k) => (k === i ? row : r)))
  const choose = async (i: number, row: FormRow) => {
    setProblem(undefined)
    try {
      const file = await call('console.pickFile', {})
      if (file) set(i, { name: row.name, kind: 'file', file })
    } catch (error) {
      setProblem(errorMessage(error))
    }
  }
  return (
    <fieldset className="stack" style={{ gap: 6 }} aria-label="Form body">
      <legend className="field-label">Form (multipart/form-data)</legend>
      {rows.map((row, i) => (
        <div key={i} className="row" style={{ gap: 6 }}>
          <input className="input mono" aria-label={`Form field ${i + 1} name`} spellCheck={false} value={row.name} placeholder="name" onChange={(e) => set(i, { ...row, name: e.target.value })} />
          {required?.includes(row.name) && <span className="required-mark" aria-label="required">*</span>}
          <select className="input" aria-label={`Form field ${row.name || i + 1} kind`} value={row.kind} onChange={(e) => set(i, e.target.value === 'file' ? { name: row.name, kind: 'file' } : { name: row.name, kind: 'text', value: '' })}>
            <option value="text">Text</option>
            <option value="file">File</option>
          </select>
          {row.kind === 'text' ? (
            <input className="input mono" aria-label={`Form field ${row.name || i + 1} value`} spellCheck={false} value={row.value} onChange={(e) => set(i, { ...row, value: e.target.value })} />
          ) : (
            <>
              <button type="button" className="btn btn-small" onClick={() => void choose(i, row)}>
                {row.file ? 'Choose another file…' : 'Choose file…'}
              </button>
              <span className={row.file ? 'mono' : 'muted'} data-testid={`form-file-${row.name}`}>
                {row.file ? `${row.file.name} (${formatSize(row.file.size)})` : row.was ? `Choose ${row.was.name} (${formatSize(row.was.size)}) again: the history keeps no file` : 'No file chosen'}
              </span>
            </>
          )}
          <button type="button" className="btn btn-small" aria-label={`Remove form field ${row.name || i + 1}`} onClick={() => onChange(rows.filter((_, k) => k !== i))}>
            ×
          </button>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-small" onClick={() => onChange([...rows, { name: '', kind: 'text', value: '' }])}>
          Add form field
        </button>
      </div>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  )
}
