// Settings → Updates: this version, Check for updates, the version found with its release notes
// (plain text from main, shown as text), download progress, and Restart to update.
import { Switch } from 'radix-ui'
import { useEffect } from 'react'
import { useStore } from '../../store/index'

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`
}

export function UpdateSettings() {
  const snapshot = useStore((s) => s.updates)
  const loadUpdates = useStore((s) => s.loadUpdates)
  const run = useStore((s) => s.runUpdate)
  // The action's running and failed state live in the settings slice.
  const task = useStore((s) => s.updateTask)
  const settings = useStore((s) => s.settings)
  const updateSettings = useStore((s) => s.updateSettings)
  useEffect(() => {
    // Pushed changes ('updates.changed') keep it current from here on.
    void loadUpdates().catch(() => undefined)
  }, [loadUpdates])
  if (!snapshot) return null
  const { state } = snapshot
  const pending = task?.running === true
  const failure = task?.running === false ? task.error : undefined
  const busy = pending || state.status === 'checking' || state.status === 'downloading'

  return (
    <section className="card settings-section" aria-labelledby="updates-title" data-testid="updates">
      <h2 id="updates-title" className="card-title">
        Updates
      </h2>
      <p>
        Zoom Connect <span className="mono">{snapshot.currentVersion}</span>
      </p>
      {!snapshot.enabled ? (
        <p className="muted">{snapshot.disabledReason}</p>
      ) : (
        <>
          <div role="status" aria-live="polite">
            {state.status === 'checking' && <p>Checking for updates…</p>}
            {state.status === 'not-available' && <p>Zoom Connect is up to date.</p>}
            {state.status === 'available' && <p>Version {state.version} is available.</p>}
            {state.status === 'downloading' && (
              <p>
                Downloading version {state.version}: {Math.floor(state.percent)} %{state.total > 0 ? ` of ${megabytes(state.total)}` : ''}
              </p>
            )}
            {state.status === 'downloaded' && <p>Version {state.version} is ready. Restart Zoom Connect to use it.</p>}
          </div>
          {state.status === 'downloading' && <progress aria-label="Update download" max={100} value={state.percent} />}
          {(state.status === 'available' || state.status === 'downloaded') && state.releaseNotes && (
            <div className="stack" style={{ gap: 4 }}>
              <h3 style={{ fontSize: 13, margin: 0 }}>What’s new in {state.version}</h3>
              <pre data-testid="release-notes" style={{ whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto', margin: 0, fontFamily: 'inherit' }}>
                {state.releaseNotes}
              </pre>
            </div>
          )}
          {state.status === 'error' && (
            <p role="alert" className="callout" data-tone="bad">
              The update did not work: {state.message}
            </p>
          )}
          {failure && (
            <p role="alert" className="callout" data-tone="bad">
              {failure}
            </p>
          )}
          <div className="row">
            {state.status === 'downloaded' ? (
              <button type="button" className="btn btn-primary" onClick={() => void run('install')} disabled={pending}>
                Restart to update
              </button>
            ) : state.status === 'available' ? (
              <button type="button" className="btn btn-primary" onClick={() => void run('download')} disabled={busy}>
                Download {state.version}
              </button>
            ) : (
              <button type="button" className="btn" onClick={() => void run('check')} disabled={busy}>
                {state.status === 'checking' ? 'Checking…' : 'Check for updates'}
              </button>
            )}
          </div>
        </>
      )}
      {settings && (
        <div className="switch-row">
          <Switch.Root
            id="check-updates-at-start"
            className="switch"
            checked={settings.checkForUpdatesAtStart}
            onCheckedChange={(checked) => void updateSettings({ checkForUpdatesAtStart: checked })}
            aria-describedby="check-updates-at-start-hint"
          >
            <Switch.Thumb className="switch-thumb" />
          </Switch.Root>
          <div className="stack" style={{ gap: 2 }}>
            <label htmlFor="check-updates-at-start">Check for updates when Zoom Connect starts</label>
            <span id="check-updates-at-start-hint" className="muted" style={{ fontSize: 12.5 }}>
              Only asks whether a newer version exists; nothing is downloaded until you choose to.
            </span>
          </div>
        </div>
      )}
    </section>
  )
}
