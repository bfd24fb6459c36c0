// One row as Zoom returned it (data.row): a formatted view and the raw JSON, in a side drawer.
import { Dialog, Tabs } from 'radix-ui'
import type { Cell } from '../../../common/contract/index'
import type { ColumnSpec } from '../../../common/zoom/catalog'
import { CopyButton } from '../../components/CopyButton'
import { CloseIcon } from '../../components/icons'
import { useOpenerFocus } from '../../components/use-opener-focus'
import { useRowAt } from '../../components/use-row-at'
import { useStore } from '../../store/index'
import type { TargetUser } from '../../store/slices/browse'
import { formatCell } from './columns'
import { itemListValue, type ItemLists } from './item-lists'

/** Flattens nested objects to dotted paths; arrays of objects stay JSON. */
function flatten(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    out.push([prefix || 'value', typeof value === 'string' ? value : JSON.stringify(value)])
  }
  return out
}

/** A flattened value back to a cell: JSON numbers and booleans, otherwise the text. */
function rawCell(text: string): Cell {
  if (text === 'true' || text === 'false' || text === 'null' || /^-?\d+(\.\d+)?$/.test(text)) return JSON.parse(text) as Cell
  return text
}

/** A Zoom user row's identity, for the links to their meetings, webinars and recordings. */
function userOfRow(row: unknown): TargetUser | undefined {
  if (row === null || typeof row !== 'object') return undefined
  const { id, email, display_name: displayName, first_name: first, last_name: last } = row as Record<string, unknown>
  if (typeof id !== 'string' || id === '') return undefined
  const name = typeof displayName === 'string' && displayName ? displayName : [first, last].filter((p) => typeof p === 'string' && p).join(' ')
  return { id, ...(typeof email === 'string' ? { email } : {}), ...(name ? { name } : {}) }
}

export interface DetailDrawerProps {
  datasetId: string
  index: number | undefined
  title: string
  onClose(): void
  /** Catalog columns: their labels and value labels show beside the raw values. */
  columns?: readonly ColumnSpec[]
  /** For a user's row: opens one of that user's per-user tabs. */
  onOpenForUser?(resource: string, user: TargetUser): void
  /** The lists of the row's own data its details link to (a meeting's participants, a webinar's registrants). */
  itemLists?: ItemLists
  /** Opens one of them, its path parameter filled from the row. */
  onOpenList?(resource: string, pathValues: Record<string, string>): void
}

/** The per-user tabs a user's details link to. */
const USER_LINKS: { resource: string; label: string }[] = [
  { resource: '/users/{userId}/meetings', label: 'Meetings' },
  { resource: '/users/{userId}/webinars', label: 'Webinars' },
  { resource: '/users/{userId}/recordings', label: 'Recordings' },
]

export function DetailDrawer({ datasetId, index, title, onClose, columns = [], onOpenForUser, itemLists, onOpenList }: DetailDrawerProps) {
  const fetchRow = useStore((s) => s.fetchRow)
  const state = useRowAt(fetchRow, datasetId, index)
  const raw = state.value === undefined ? '' : JSON.stringify(state.value, null, 2)
  const user = onOpenForUser ? userOfRow(state.value) : undefined
  const links = onOpenList && itemLists ? itemLists.lists.flatMap((list) => {
    const value = itemListValue(state.value, list)
    return value === undefined ? [] : [{ list, value }]
  }) : []
  const returnFocus = useOpenerFocus(index !== undefined)
  return (
    <Dialog.Root open={index !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="drawer" aria-describedby={undefined} onCloseAutoFocus={returnFocus}>
          <div className="drawer-head">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <span className="spacer" />
            <CopyButton text={raw} label="Copy JSON" />
            <Dialog.Close className="btn btn-ghost btn-icon" aria-label="Close details">
              <CloseIcon />
            </Dialog.Close>
          </div>
          <div className="drawer-body">
            {state.error ? (
              <p className="callout" data-tone="bad" role="alert">
                {state.error}
              </p>
            ) : state.value === undefined ? (
              <p role="status" className="muted">
                Loading…
              </p>
            ) : (
              <Tabs.Root defaultValue="formatted" className="stack">
                {user && onOpenForUser && (
                  <nav className="row wrap" aria-label="This user’s data">
                    {USER_LINKS.map(({ resource, label }) => (
                      <button key={resource} type="button" className="btn btn-small" onClick={() => onOpenForUser(resource, user)}>
                        {label}
                      </button>
                    ))}
                  </nav>
                )}
                {itemLists && onOpenList && links.length > 0 && (
                  <nav className="row wrap" aria-label={`This ${itemLists.noun}’s data`}>
                    {links.map(({ list, value }) => (
                      <button key={list.resource} type="button" className="btn btn-small" onClick={() => onOpenList(list.resource, { [list.param]: value })}>
                        {list.label}
                      </button>
                    ))}
                  </nav>
                )}
                <Tabs.List className="tabs-list" aria-label="Row view">
                  <Tabs.Trigger value="formatted" className="tab">
                    Formatted
                  </Tabs.Trigger>
                  <Tabs.Trigger value="raw" className="tab">
                    Raw JSON
                  </Tabs.Trigger>
                </Tabs.List>
                <Tabs.Content value="formatted">
                  <dl className="detail-list">
                    {flatten(state.value).map(([k, v]) => {
                      const spec = columns.find((c) => c.path === k)
                      const label = spec ? formatCell(spec, rawCell(v)) : ''
                      return (
                        <div key={k}>
                          <dt>
                            {spec && <span className="detail-label">{spec.label} </span>}
                            <span className="mono">{k}</span>
                          </dt>
                          <dd>
                            {label && label !== v ? (
                              <>
                                {label} <span className="muted mono">({v})</span>
                              </>
                            ) : (
                              v
                            )}
                          </dd>
                        </div>
                      )
                    })}
                  </dl>
                </Tabs.Content>
                <Tabs.Content value="raw">
                  <pre className="json" tabIndex={0} aria-label="Row as JSON">
                    {raw}
                  </pre>
                </Tabs.Content>
              </Tabs.Root>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
