// One row as Zoom returned it (data.row): a formatted view and the raw JSON, in a side drawer.
import { Dialog, Tabs } from 'radix-ui'
import { useEffect, useState } from 'react'
import { CopyButton } from '../../components/CopyButton'
import { CloseIcon } from '../../components/icons'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'

/** Flattens nested objects to dotted paths; arrays of objects stay JSON. */
function flatten(value: unknown, prefix = '', out: [string, string][] = []): [string, string][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out)
  } else {
    out.push([prefix || 'value', typeof value === 'string' ? value : JSON.stringify(value)])
  }
  return out
}

export function DetailDrawer({ datasetId, index, title, onClose }: { datasetId: string; index: number | undefined; title: string; onClose(): void }) {
  const fetchRow = useStore((s) => s.fetchRow)
  const [state, setState] = useState<{ row?: unknown; error?: string }>({})
  useEffect(() => {
    if (index === undefined) return undefined
    let current = true
    setState({})
    fetchRow(datasetId, index).then(
      (row) => current && setState({ row }),
      (error: unknown) => current && setState({ error: errorMessage(error) }),
    )
    return () => {
      current = false
    }
  }, [datasetId, index, fetchRow])
  const raw = state.row === undefined ? '' : JSON.stringify(state.row, null, 2)
  return (
    <Dialog.Root open={index !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="drawer" aria-describedby={undefined}>
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
            ) : state.row === undefined ? (
              <p role="status" className="muted">
                Loading…
              </p>
            ) : (
              <Tabs.Root defaultValue="formatted" className="stack">
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
                    {flatten(state.row).map(([k, v]) => (
                      <div key={k}>
                        <dt className="mono">{k}</dt>
                        <dd>{v}</dd>
                      </div>
                    ))}
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
