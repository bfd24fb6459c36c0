// App settings: secret storage, clipboard, theme, connect window, store problems.
import { useStore } from '../../store/index'

export default function SettingsScreen() {
  const settings = useStore((s) => s.settings)
  const update = useStore((s) => s.updateSettings)
  return (
    <div className="page">
      <h1>Settings</h1>
      <label className="field">
        <span className="field-label">Theme</span>
        <select className="input" value={settings?.theme ?? 'system'} onChange={(e) => void update({ theme: e.target.value as 'system' | 'light' | 'dark' })}>
          <option value="system">Match the system</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
    </div>
  )
}
