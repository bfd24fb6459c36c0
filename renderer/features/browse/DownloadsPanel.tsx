// Recording downloads: each file's progress, cancel, retry, open folder ('downloads.changed' events).
import type { DownloadItem } from '../../../common/contract/index'
import { FolderIcon } from '../../components/icons'
import { useStore } from '../../store/index'
import { formatBytes } from '../overview/format'

const STATE_LABELS: Record<DownloadItem['state'], string> = {
  queued: 'Waiting',
  downloading: 'Downloading',
  paused: 'Paused',
  done: 'Done',
  skipped: 'Already there',
  failed: 'Failed',
  cancelled: 'Cancelled',
}

export function DownloadsPanel() {
  const snapshot = useStore((s) => s.downloads)
  const s = useStore.getState
  if (snapshot.items.length === 0) return null
  const active = snapshot.items.some((d) => d.state === 'queued' || d.state === 'downloading')
  return (
    <section className="card downloads" aria-labelledby="downloads-title">
      <div className="card-title">
        <h2 id="downloads-title">Downloads</h2>
        <span className="muted" role="status">
          {formatBytes(snapshot.receivedBytes)} of {formatBytes(snapshot.totalBytes)}
          {snapshot.active > 0 ? ` · ${snapshot.active} in progress` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="btn btn-small" onClick={() => void s().openDownloadFolder()}>
          <FolderIcon size={14} /> Open folder
        </button>
        {active ? (
          <button type="button" className="btn btn-small" onClick={() => void s().cancelAllDownloads()}>
            Cancel all
          </button>
        ) : (
          <button type="button" className="btn btn-small" onClick={() => void s().clearFinishedDownloads()}>
            Clear finished
          </button>
        )}
      </div>
      <ul className="download-list">
        {snapshot.items.map((d) => {
          const name = d.relativePath.split('/').pop() ?? d.relativePath
          return (
            <li key={d.id} data-state={d.state}>
              <div className="stack" style={{ gap: 2, minWidth: 0, flex: 1 }}>
                <span className="download-name" title={d.relativePath}>
                  {d.meetingTopic ? `${d.meetingTopic} — ` : ''}
                  {name}
                </span>
                <progress max={d.fileSize || 1} value={d.received} aria-label={`Progress of ${name}`} />
                <span className="muted" style={{ fontSize: 12 }}>
                  {STATE_LABELS[d.state]} · {formatBytes(d.received)} of {formatBytes(d.fileSize)}
                  {d.error ? ` · ${d.error.message}` : ''}
                </span>
              </div>
              {(d.state === 'queued' || d.state === 'downloading' || d.state === 'paused') && (
                <button type="button" className="btn btn-small" aria-label={`Cancel download of ${name}`} onClick={() => void s().cancelDownload(d.id)}>
                  Cancel
                </button>
              )}
              {(d.state === 'failed' || d.state === 'cancelled') && (
                <button type="button" className="btn btn-small" aria-label={`Retry download of ${name}`} onClick={() => void s().retryDownload(d.id)}>
                  Retry
                </button>
              )}
              {d.state === 'done' && (
                <button type="button" className="btn btn-small" aria-label={`Show ${name} in its folder`} onClick={() => void s().openDownloadFolder(d.id)}>
                  <FolderIcon size={14} />
                </button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
