// Before an export: which rows (all the filter shows, or only the selected ones), the file format
// (CSV, CSV for Excel with a byte-order mark, JSON, NDJSON), the column separator of a CSV, labels
// as the grid shows them or Zoom's raw values, and a warning when the loaded data is incomplete.
import { Dialog } from 'radix-ui'
import { useEffect, useId, useState } from 'react'
import type { CsvSeparator } from '../../../common/csv-separator'
import { useOpenerFocus } from '../../components/use-opener-focus'
import { formatCount } from '../../shared/format'
import type { ExportChoice } from '../../store/slices/browse'

export type ExportFormat = 'csv' | 'excel' | 'json' | 'ndjson'

/** The column separator each CSV format starts on (the last chosen, else its default). */
export interface ExportSeparators {
  csv: CsvSeparator
  excel: CsvSeparator
}

const SEPARATOR_CHOICES: readonly { separator: CsvSeparator; label: string }[] = [
  { separator: ',', label: 'Comma (,)' },
  { separator: ';', label: 'Semicolon (;)' },
  { separator: '\t', label: 'Tab' },
]

export interface ExportDialogProps {
  /** The format picked in the Export menu; undefined = closed. */
  format: ExportFormat | undefined
  onClose(): void
  /** `selectedOnly`: the person chose to export only the selected rows. */
  onExport(choice: ExportChoice, selectedOnly: boolean): void
  rows: number | undefined
  filtered: boolean
  /** How many rows are selected in the grid (0: no choice of rows is offered). */
  selected: number
  /** How many of the selected rows the grid's filter hides (main counts them); undefined while not known. */
  hiddenSelected: number | undefined
  /** What the loaded data lacks (main's DatasetInfo.missing); undefined = complete. */
  missing: string[] | undefined
  separators: ExportSeparators
  /** The Export control: focus goes back to it on close (the menu item that opened the dialog is gone). */
  returnFocusTo?: () => HTMLElement | null
}

export function ExportDialog({ format, onClose, onExport, rows, filtered, selected, hiddenSelected, missing, separators, returnFocusTo }: ExportDialogProps) {
  const id = useId()
  const returnFocus = useOpenerFocus(format !== undefined, returnFocusTo)
  const [chosen, setChosen] = useState<ExportFormat>(format ?? 'csv')
  const [values, setValues] = useState<ExportChoice['values']>('labels')
  // Rows ticked before Export are most likely the ones wanted: each opening starts on them.
  const [selectedOnly, setSelectedOnly] = useState(true)
  // Each CSV format keeps its own separator while the dialog is open: switching between them shows each one's.
  const [separatorOf, setSeparatorOf] = useState<ExportSeparators>(separators)
  useEffect(() => {
    if (format) {
      setChosen(format)
      setSelectedOnly(true)
      setSeparatorOf(separators)
    }
    // Taken when the dialog opens: a remembered choice arriving meanwhile does not undo the person's pick.
  }, [format])
  const onlySelected = selected > 0 && selectedOnly
  const count = onlySelected ? selected : rows
  const submit = () => {
    const csv = chosen === 'csv' || chosen === 'excel'
    onExport({ format: csv ? 'csv' : chosen, values, excel: chosen === 'excel', ...(csv ? { separator: separatorOf[chosen] } : {}) }, onlySelected)
    onClose()
  }
  return (
    <Dialog.Root open={format !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={`${id}-desc`} onCloseAutoFocus={returnFocus}>
          <Dialog.Title className="dialog-title">Export {count === undefined ? '' : `${formatCount(count)} ${count === 1 ? 'row' : 'rows'}`}</Dialog.Title>
          <p id={`${id}-desc`} className="dialog-description">
            {onlySelected
              ? 'The selected rows, in the grid’s order and columns.'
              : filtered
                ? 'The rows the filter shows, in the grid’s order and columns.'
                : 'Every loaded row, in the grid’s order and columns.'}
          </p>
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            {selected > 0 && (
              <fieldset className="stack" style={{ gap: 4 }}>
                <legend>Rows</legend>
                <label className="radio-inline">
                  <input type="radio" name={`${id}-rows`} checked={onlySelected} onChange={() => setSelectedOnly(true)} /> Only the {formatCount(selected)} selected{' '}
                  {selected === 1 ? 'row' : 'rows'}
                </label>
                <label className="radio-inline">
                  <input type="radio" name={`${id}-rows`} checked={!onlySelected} onChange={() => setSelectedOnly(false)} />{' '}
                  All {formatCount(rows ?? 0)} {rows === 1 ? 'row' : 'rows'}
                  {filtered ? ' the filter shows' : ''}
                </label>
                {/* A row selected before the filter changed is still one the person chose; said only when there is one. */}
                {onlySelected && hiddenSelected !== undefined && hiddenSelected > 0 && (
                  <p className="muted">
                    {hiddenSelected === selected ? (selected === 1 ? 'The filter hides the selected row; it is' : 'The filter hides every selected row; they are') : `${formatCount(hiddenSelected)} of the selected rows ${hiddenSelected === 1 ? 'is hidden by the filter; it is' : 'are hidden by the filter; they are'}`} exported too.
                  </p>
                )}
              </fieldset>
            )}
            <fieldset className="stack" style={{ gap: 4 }}>
              <legend>Format</legend>
              <label className="radio-inline">
                <input type="radio" name={`${id}-format`} checked={chosen === 'csv'} onChange={() => setChosen('csv')} /> CSV
              </label>
              <label className="radio-inline">
                <input type="radio" name={`${id}-format`} checked={chosen === 'excel'} onChange={() => setChosen('excel')} /> CSV for Excel
                <span className="muted"> (keeps accented names readable)</span>
              </label>
              <label className="radio-inline">
                <input type="radio" name={`${id}-format`} checked={chosen === 'json'} onChange={() => setChosen('json')} /> JSON
              </label>
              <label className="radio-inline">
                <input type="radio" name={`${id}-format`} checked={chosen === 'ndjson'} onChange={() => setChosen('ndjson')} /> NDJSON
                <span className="muted"> (one row per line)</span>
              </label>
            </fieldset>
            {(chosen === 'csv' || chosen === 'excel') && (
              <fieldset className="stack" style={{ gap: 4 }}>
                <legend>Column separator</legend>
                {SEPARATOR_CHOICES.map(({ separator, label }) => (
                  <label key={label} className="radio-inline">
                    <input type="radio" name={`${id}-separator`} checked={separatorOf[chosen] === separator} onChange={() => setSeparatorOf((of) => ({ ...of, [chosen]: separator }))} /> {label}
                  </label>
                ))}
                {chosen === 'excel' && <p className="muted">Excel opens the file in columns when this is its list separator (a semicolon where numbers are written 1,5).</p>}
              </fieldset>
            )}
            {chosen === 'csv' || chosen === 'excel' ? (
              <fieldset className="stack" style={{ gap: 4 }}>
                <legend>Values</legend>
                <label className="radio-inline">
                  <input type="radio" name={`${id}-values`} checked={values === 'labels'} onChange={() => setValues('labels')} /> As the grid shows them
                  <span className="muted"> (License: Licensed)</span>
                </label>
                <label className="radio-inline">
                  <input type="radio" name={`${id}-values`} checked={values === 'raw'} onChange={() => setValues('raw')} /> Raw values from Zoom
                  <span className="muted"> (type: 2)</span>
                </label>
              </fieldset>
            ) : (
              // JSON keeps Zoom's own values (labels would change what a program reading it gets).
              <p className="muted">JSON keeps the values as Zoom sent them (type: 2).</p>
            )}
            {missing && (
              <div className="callout" data-tone="warn" role="alert">
                <p>This data is incomplete; the file will hold only the rows that were loaded. Missing:</p>
                <ul>
                  {missing.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              </div>
            )}
            <div className="dialog-actions">
              <Dialog.Close className="btn" type="button">
                Cancel
              </Dialog.Close>
              <button type="submit" className="btn btn-primary">
                {missing ? 'Export anyway…' : 'Export…'}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
