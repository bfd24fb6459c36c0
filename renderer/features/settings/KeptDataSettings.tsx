// Settings → Kept data: how many days a kept dataset stays on this computer, and "Clear kept data"
// (a list is kept only when the person chose Keep in Browse; every other list is deleted when closed).
import { useEffect, useState } from 'react'
import type { Settings, SettingsPatch } from '../../../common/contract/index'
import { KEPT_DATASET_DAYS } from '../../../common/contract/settings'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Field } from '../../components/Field'
import { useStore } from '../../store/index'
import { taskOf } from '../../store/task'
import { formatCount } from '../../shared/format'

const EXPIRY_DAYS = [1, 7, 14, 30, 90, 180, 365]

export function KeptDataSettings({ settings, update }: { settings: Settings; update(patch: SettingsPatch): void }) {
  const kept = useStore((s) => s.keptDatasets)
  const loadKept = useStore((s) => s.loadKept)
  const clearKept = useStore((s) => s.clearKept)
  const { pending, error } = taskOf(useStore((s) => s.keptTask), 'clearKept')
  const notify = useStore((s) => s.notify)
  const [confirming, setConfirming] = useState(false)
  useEffect(() => {
    void loadKept().catch(() => undefined)
  }, [loadKept, settings.keptDatasetDays])
  const rows = kept.reduce((sum, k) => sum + k.rows, 0)
  const days = [...new Set([...EXPIRY_DAYS, settings.keptDatasetDays])].filter((d) => d >= KEPT_DATASET_DAYS.min && d <= KEPT_DATASET_DAYS.max).sort((a, b) => a - b)
  return (
    <section className="card settings-section" aria-labelledby="kept-data-title">
      <h2 id="kept-data-title" className="card-title">
        Kept data
      </h2>
      <div className="settings-grid">
        <Field label="Delete kept lists after" hint="Lists you load are deleted from this computer when closed. One you choose to keep stays this long after it was crawled.">
          {(p) => (
            <select {...p} className="input" value={settings.keptDatasetDays} onChange={(e) => update({ keptDatasetDays: Number(e.target.value) })}>
              {days.map((d) => (
                <option key={d} value={d}>
                  {d === 1 ? '1 day' : `${d} days`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="row">
          <span className="muted" data-testid="kept-summary">
            {kept.length === 0 ? 'No lists are kept.' : `${formatCount(kept.length)} kept ${kept.length === 1 ? 'list' : 'lists'}, ${formatCount(rows)} rows.`}
          </span>
          <button type="button" className="btn" disabled={kept.length === 0} onClick={() => setConfirming(true)}>
            Clear kept data…
          </button>
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title="Clear kept data?"
        description="Every kept list is deleted from this computer. Zoom keeps its data; load a list again to see it."
        confirmLabel="Clear kept data"
        pending={pending}
        error={error}
        onConfirm={async () => {
          const removed = await clearKept()
          notify({ tone: 'success', title: `Deleted ${formatCount(removed)} kept ${removed === 1 ? 'list' : 'lists'}` })
        }}
      />
    </section>
  )
}
