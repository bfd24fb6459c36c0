// Above the grid: filter, row count, column chooser and export.
import { DropdownMenu } from 'radix-ui'
import { useEffect, useRef, useState } from 'react'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { ChevronDownIcon, ColumnsIcon, ExportIcon, SearchIcon } from '../../components/icons'
import { formatCount } from '../../shared/format'
import { columnSpec } from './columns'
import type { ExportFormat } from './ExportDialog'

export interface GridToolbarProps {
  resource: BrowseResource
  filterText: string
  onFilter(text: string): void
  shown: number | undefined
  total: number | undefined
  columns: string[]
  availableColumns: string[]
  onColumns(columns: string[] | undefined): void
  /** Opens the export dialog with this format chosen. */
  onExport(format: ExportFormat): void
  exporting: boolean
  /** How far the export under way has got, once main has said. */
  exportProgress?: { written: number; total: number } | undefined
  /** Stops the export under way. */
  onCancelExport?(): void
  /** The Export control, so focus can come back to it (after its dialog, and when its export ends). */
  exportButtonRef?: React.Ref<HTMLButtonElement>
  /** The filter field, so focus can go to it when the filter is cleared from elsewhere. */
  filterInputRef?: React.Ref<HTMLInputElement>
}

const FILTER_DEBOUNCE_MS = 250

export function GridToolbar({ resource, filterText, onFilter, shown, total, columns, availableColumns, onColumns, onExport, exporting, exportProgress, onCancelExport, exportButtonRef, filterInputRef }: GridToolbarProps) {
  const [text, setText] = useState(filterText)
  /** The text last sent to main, so a filter changed elsewhere (Clear) shows here without undoing typing. */
  const sent = useRef(filterText)
  useEffect(() => {
    if (filterText === sent.current) return
    sent.current = filterText
    setText(filterText)
  }, [filterText])
  // Filtering runs in main over every row: wait for a pause in typing before asking.
  useEffect(() => {
    if (text === filterText) return undefined
    const timer = setTimeout(() => {
      sent.current = text
      onFilter(text)
    }, FILTER_DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [text, filterText, onFilter])
  const chosen = new Set(columns)
  const toggle = (path: string, on: boolean) => {
    const next = on ? [...columns, path] : columns.filter((c) => c !== path)
    if (next.length > 0) onColumns(next)
  }
  return (
    <div className="grid-toolbar">
      <div className="search" style={{ maxWidth: 320 }}>
        <SearchIcon size={14} />
        <input ref={filterInputRef} className="input" type="search" aria-label="Filter rows" placeholder="Filter rows" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <span className="muted" role="status" data-testid="row-count">
        {shown === undefined ? '' : shown === total ? `${formatCount(shown)} ${shown === 1 ? 'row' : 'rows'}` : `${formatCount(shown)} of ${formatCount(total ?? 0)} rows`}
      </span>
      <span className="spacer" />
      <DropdownMenu.Root>
        <DropdownMenu.Trigger className="btn btn-small">
          <ColumnsIcon size={14} /> Columns <ChevronDownIcon size={12} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu column-menu" align="end" sideOffset={4}>
            <DropdownMenu.Label className="menu-label">Shown columns</DropdownMenu.Label>
            {availableColumns.map((path) => (
              <DropdownMenu.CheckboxItem
                key={path}
                className="menu-item"
                checked={chosen.has(path)}
                onCheckedChange={(on) => toggle(path, on === true)}
                onSelect={(e) => e.preventDefault()}
              >
                <span className="menu-check" aria-hidden="true">
                  {chosen.has(path) ? '✓' : ''}
                </span>
                {columnSpec(resource, path).label}
                <span className="muted mono" style={{ marginLeft: 'auto', fontSize: 11 }}>
                  {path}
                </span>
              </DropdownMenu.CheckboxItem>
            ))}
            <DropdownMenu.Separator className="menu-sep" />
            <DropdownMenu.Item className="menu-item" onSelect={() => onColumns(undefined)}>
              Reset to default columns
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      <DropdownMenu.Root>
        <DropdownMenu.Trigger ref={exportButtonRef} className="btn btn-small" disabled={exporting}>
          <ExportIcon size={14} /> {exporting ? `Exporting…${exportPercent(exportProgress)}` : 'Export'} <ChevronDownIcon size={12} />
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content className="menu" align="end" sideOffset={4}>
            <DropdownMenu.Item className="menu-item" onSelect={() => onExport('csv')}>
              CSV file…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => onExport('excel')}>
              CSV for Excel…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => onExport('json')}>
              JSON file…
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => onExport('ndjson')}>
              NDJSON file…
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {exporting && onCancelExport && (
        <button type="button" className="btn btn-small" onClick={onCancelExport} aria-label="Cancel export">
          Cancel
        </button>
      )}
    </div>
  )
}

/** " 45%" of an export under way, once its size is known (nothing for an empty one). */
function exportPercent(progress: { written: number; total: number } | undefined): string {
  if (!progress || progress.total === 0) return ''
  return ` ${Math.floor((100 * Math.min(progress.written, progress.total)) / progress.total)}%`
}
