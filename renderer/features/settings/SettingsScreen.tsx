// App settings: secret storage, clipboard, theme, connect window, refresh, downloads, plans, problems.
import { Switch } from 'radix-ui'
import type { Settings, SettingsPatch } from '../../../common/contract/index'
import { Field } from '../../components/Field'
import { useStore } from '../../store/index'
import { ProtectionSettings } from './ProtectionSettings'
import { RatePlanSettings } from './RatePlanSettings'
import { StallTimeoutField } from './StallTimeoutField'
import { StoreProblems } from './StoreProblems'
import { KeptDataSettings } from './KeptDataSettings'
import { UpdateSettings } from './UpdateSettings'

const CLEAR_DELAYS = [10, 30, 60, 120, 300]
const SKEWS = [60, 120, 300, 600, 900, 1800]

export default function SettingsScreen() {
  const settings = useStore((s) => s.settings)
  const updateSettings = useStore((s) => s.updateSettings)
  const chooseDownloadFolder = useStore((s) => s.chooseDownloadFolder)
  const info = useStore((s) => s.appInfo)
  // Both report a refusal themselves (a notice from the settings slice).
  const update = (patch: SettingsPatch) => void updateSettings(patch)
  const chooseFolder = () => void chooseDownloadFolder()
  return (
    <div className="page settings">
      <div className="page-head">
        <h1>Settings</h1>
      </div>
      <StoreProblems />
      <ProtectionSettings />
      {settings && (
        <>
          <section className="card settings-section" aria-labelledby="general-title">
            <h2 id="general-title" className="card-title">
              General
            </h2>
            <div className="settings-grid">
              <Field label="Theme">
                {(p) => (
                  <select {...p} className="input" value={settings.theme} onChange={(e) => update({ theme: e.target.value as Settings['theme'] })}>
                    <option value="system">Match the system</option>
                    <option value="light">Light</option>
                    <option value="dark">Dark</option>
                  </select>
                )}
              </Field>
              <Field label="Clear a copied token from the clipboard after" hint="Copy access token puts a live credential on the clipboard; wiping it limits where it can leak.">
                {(p) => (
                  <select {...p} className="input" value={settings.clipboardClearSeconds} onChange={(e) => update({ clipboardClearSeconds: Number(e.target.value) })}>
                    {[...new Set([...CLEAR_DELAYS, settings.clipboardClearSeconds])].sort((a, b) => a - b).map((s) => (
                      <option key={s} value={s}>
                        {s < 60 ? `${s} seconds` : `${s / 60} minute${s === 60 ? '' : 's'}`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Refresh tokens before they expire by" hint="Tokens are renewed this long before expiry, so a request never meets an expired one.">
                {(p) => (
                  <select {...p} className="input" value={settings.refreshSkewSeconds} onChange={(e) => update({ refreshSkewSeconds: Number(e.target.value) })}>
                    {[...new Set([...SKEWS, settings.refreshSkewSeconds])].sort((a, b) => a - b).map((s) => (
                      <option key={s} value={s}>
                        {s < 60 ? `${s} seconds` : `${s / 60} minutes`}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <div className="switch-row">
              <Switch.Root id="remember-sign-in" className="switch" checked={settings.rememberZoomSignIn} onCheckedChange={(checked) => update({ rememberZoomSignIn: checked })} aria-describedby="remember-sign-in-hint">
                <Switch.Thumb className="switch-thumb" />
              </Switch.Root>
              <div className="stack" style={{ gap: 2 }}>
                <label htmlFor="remember-sign-in">Remember the Zoom sign-in in the connect window</label>
                <span id="remember-sign-in-hint" className="muted" style={{ fontSize: 12.5 }}>
                  Each connection keeps its own sign-in. “Sign out of Zoom” on a connection’s overview forgets it.
                </span>
              </div>
            </div>
          </section>
          <section className="card settings-section" aria-labelledby="downloads-settings-title">
            <h2 id="downloads-settings-title" className="card-title">
              Recording downloads
            </h2>
            <div className="settings-grid">
              <Field label="Download folder" hint="Chosen with your computer’s folder picker. None chosen: you are asked at each download.">
                {(p) => (
                  <div className="row">
                    <input {...p} className="input mono" readOnly value={settings.downloadFolder} placeholder="Ask at each download" />
                    <button type="button" className="btn" onClick={chooseFolder}>
                      Choose folder…
                    </button>
                  </div>
                )}
              </Field>
              <Field label="Downloads at a time">
                {(p) => (
                  <select {...p} className="input" value={settings.downloadConcurrency} onChange={(e) => update({ downloadConcurrency: Number(e.target.value) })}>
                    {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <StallTimeoutField key={settings.downloadStallSeconds} seconds={settings.downloadStallSeconds} onSave={(seconds) => update({ downloadStallSeconds: seconds })} />
            </div>
          </section>
          <KeptDataSettings settings={settings} update={update} />
        </>
      )}
      <RatePlanSettings />
      <UpdateSettings />
      {info && (
        <p className="muted" style={{ fontSize: 12 }}>
          {info.name} {info.version} · {info.platform} {info.arch} · Electron {info.versions.electron ?? '—'} · Chrome {info.versions.chrome ?? '—'} · Node {info.versions.node}
        </p>
      )}
    </div>
  )
}
