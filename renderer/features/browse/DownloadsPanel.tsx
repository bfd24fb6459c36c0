// Recording downloads: each file's progress, cancel, retry, open folder ('downloads.changed' events).
import type { DownloadItem } from '../../../common/contract/index'
import { FolderIcon } from '../../components/icons'
import { useFocusWhenGone } from '../../components/use-focus-return'
import { useStore } from '../../store/index'
import { formatBytes } from '../../shared/format'
import { humanise } from './columns'
import { isGivenUp, isUnderWay } from '../../store/selectors/downloads'
import { downloadSummary } from './download-summary'

const STATE_LABELS: Record<DownloadItem['state'], string> = {
  queued: 'Waiting',
  downloading: 'Downloading',
  paused: 'Paused',
  done: 'Done',
  skipped: 'Already there',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

/** "Shared screen with speaker view · MP4 · 834 KB · Done": what the file is, how big, where it stands. */
function downloadFacts(d: DownloadItem, name: string): string {
  const kind = fileKind(name)
  const size = d.state === 'done' || d.state === 'skipped' ? formatBytes(d.fileSize) : `${formatBytes(d.received)} of ${formatBytes(d.fileSize)}`
  const state = d.retrying
    ? `${d.retrying.reason === 'stalled' ? 'Stalled: nothing received for a while' : 'Interrupted'} — retrying (attempt ${d.retrying.attempt})`
    : d.error
      ? `${STATE_LABELS[d.state]}: ${d.error.message}`
      : d.state === 'cancelled'
        ? 'Cancelled (its bytes were deleted)'
        : STATE_LABELS[d.state]
  return [d.recordingType ? humanise(d.recordingType) : undefined, kind, size, state].filter(Boolean).join(' · ')
}

/** The file's extension as people name the format: "MP4", "M4A", "VTT". */
function fileKind(name: string): string | undefined {
  const dot = name.lastIndexOf('.')
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toUpperCase() : undefined
}

/** `returnFocusTo`: where focus goes when the panel empties under it (Clear finished). */
export function DownloadsPanel({ returnFocusTo }: { returnFocusTo?: () => HTMLElement | null }) {
  const snapshot = useStore((s) => s.downloads)
  const s = useStore.getState
  const empty = snapshot.items.length === 0
  // Clear finished removes the panel with the button pressed: a keyboard user would be left on <body>.
  useFocusWhenGone(empty, () => returnFocusTo?.())
  if (empty) return null
  const active = snapshot.items.some(isUnderWay)
  const givenUp = snapshot.items.filter(isGivenUp).length
  return (
    <section className="card downloads" aria-labelledby="downloads-title" tabIndex={-1}>
      <div className="card-title">
        <h2 id="downloads-title">Downloads</h2>
        <span className="muted" role="status" data-testid="downloads-summary">
          {downloadSummary(snapshot)}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void s().openDownloadFolder()}>
          <FolderIcon size={14} /> Open folder
        </button>
        {/*
          One element for Cancel all and Retry all, as a file's own action: a keyboard user who
          cancels the batch stays on the button that takes it back, and the other way round.
        */}
        {active ? (
          <button type="button" className="btn btn-small" onClick={() => void s().cancelAllDownloads()}>
            Cancel all
          </button>
        ) : givenUp > 0 ? (
          <button type="button" className="btn btn-small btn-primary" onClick={() => void s().retryAllDownloads()}>
            Retry all
          </button>
        ) : null}
        {!active && (
          <button type="button" className="btn btn-small" onClick={() => void s().clearFinishedDownloads()}>
            Clear finished
          </button>
        )}
      </div>
      {snapshot.trash && (
        <p className="muted" data-testid="trash-status">
          Zoom’s trash: {snapshot.trash.waiting} waiting for their files · {snapshot.trash.trashed} moved · {snapshot.trash.kept} kept in the cloud
          {snapshot.trash.keptFoundInFolder ? ` (${snapshot.trash.keptFoundInFolder} with a file that was already in the folder but not downloaded there by this app)` : ''}
          {snapshot.trash.failed > 0 ? ` · ${snapshot.trash.failed} could not be moved` : ''} · log: <span className="mono">{snapshot.trash.logFile}</span>
        </p>
      )}
      <ul className="download-list">
        {snapshot.items.map((d) => {
          const name = d.relativePath.split('/').pop() ?? d.relativePath
          const inFlight = isUnderWay(d)
          return (
            <li key={d.id} data-state={d.retrying ? 'retrying' : d.state}>
              <div className="download-main">
                {/* Topic first; the long generated file name gives way (ellipsis) and shows whole on hover. */}
                <div className="download-line" title={d.relativePath}>
                  <span className="download-topic">{d.meetingTopic ?? name}</span>
                  {d.meetingTopic !== undefined && <span className="download-file">{name}</span>}
                </div>
                {inFlight && <progress max={d.fileSize || 1} value={d.received} aria-label={`Progress of ${name}`} />}
                <span className="download-meta">{downloadFacts(d, name)}</span>
              </div>
              <DownloadAction item={d} name={name} />
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/**
 * A file's one action: Cancel while it is under way, Retry once failed or cancelled, Show in folder
 * once done. One button element whose name and action change with the state, so a keyboard user
 * who presses Cancel stays on that file (now on its Retry) instead of being dropped on <body> as a
 * removed button would.
 */
function DownloadAction({ item: d, name }: { item: DownloadItem; name: string }) {
  const s = useStore.getState
  if (isUnderWay(d))
    return (
      <button type="button" className="btn btn-small" aria-label={`Cancel download of ${name}`} onClick={() => void s().cancelDownload(d.id)}>
        Cancel
      </button>
    )
  if (isGivenUp(d))
    return (
      <button type="button" className="btn btn-small" aria-label={`Retry download of ${name}`} onClick={() => void s().retryDownload(d.id)}>
        Retry
      </button>
    )
  if (d.state === 'done')
    return (
      <button type="button" className="btn btn-small btn-icon" aria-label={`Show ${name} in its folder`} title="Show in folder" onClick={() => void s().openDownloadFolder(d.id)}>
        <FolderIcon size={14} />
      </button>
    )
  return null
}
