// One event: its payload as Zoom sent it, and how it compares with Zoom's schema for its type.
import { Dialog } from 'radix-ui'
import type { EventDetail } from '../../../common/contract/index'
import { CopyButton } from '../../components/CopyButton'
import { CloseIcon } from '../../components/icons'
import { useOpenerFocus } from '../../components/use-opener-focus'
import { useRowAt } from '../../components/use-row-at'
import { useStore } from '../../store/index'
import { formatDateTime } from '../../shared/format'

export function EventDrawer({ datasetId, index, onClose }: { datasetId: string; index: number | undefined; onClose(): void }) {
  const eventDetail = useStore((s) => s.eventDetail)
  const state = useRowAt(eventDetail, datasetId, index)
  const detail = state.value
  const raw = detail ? JSON.stringify(detail.body, null, 2) : ''
  const returnFocus = useOpenerFocus(index !== undefined)
  return (
    <Dialog.Root open={index !== undefined} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="drawer" aria-describedby={undefined} onCloseAutoFocus={returnFocus}>
          <div className="drawer-head">
            <Dialog.Title className="dialog-title">{detail ? detail.event : 'Event'}</Dialog.Title>
            <span className="spacer" />
            <CopyButton text={raw} label="Copy JSON" />
            <Dialog.Close className="btn btn-ghost btn-icon" aria-label="Close event">
              <CloseIcon />
            </Dialog.Close>
          </div>
          <div className="drawer-body stack">
            {state.error ? (
              <p className="callout" data-tone="bad" role="alert">
                {state.error}
              </p>
            ) : !detail ? (
              <p role="status" className="muted">
                Loading…
              </p>
            ) : (
              <>
                <p className="muted">Received {formatDateTime(detail.receivedAt)}</p>
                <SchemaResult detail={detail} />
                <pre className="json" tabIndex={0} aria-label="Event as JSON">
                  {raw}
                </pre>
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

function SchemaResult({ detail }: { detail: EventDetail }) {
  if (detail.schema === 'unavailable') return <p className="callout">Zoom’s event schemas could not be loaded, so this event was not checked.</p>
  if (detail.schema === 'unknown-type') return <p className="callout" data-tone="warn">Zoom’s event files do not describe {detail.event}.</p>
  if (detail.issues.length === 0) return <p className="callout" data-tone="ok">Matches Zoom’s schema for {detail.event}.</p>
  return (
    <div className="callout" data-tone="warn">
      <p>
        {detail.issues.length} {detail.issues.length === 1 ? 'difference' : 'differences'} from Zoom’s schema for {detail.event}:
      </p>
      <ul className="events-issues" aria-label="Differences from Zoom’s schema">
        {detail.issues.map((issue, i) => (
          <li key={`${issue.path}-${i}`}>
            <span className="mono">{issue.path || '(event)'}</span> {issue.message}
          </li>
        ))}
      </ul>
    </div>
  )
}
