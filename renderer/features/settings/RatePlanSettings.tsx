// Each connection's rate-limit plan (a profile field): how fast crawls may go without a 429.
import type { ProfileView, RatePlan } from '../../../common/profile'
import { errorMessage } from '../../ipc'
import { useStore } from '../../store/index'

function fieldsOf(profile: ProfileView) {
  const { id: _id, createdAt: _c, updatedAt: _u, hasClientSecret: _h, needsRepair: _n, ...fields } = profile
  return fields
}

export function RatePlanSettings() {
  const profiles = useStore((s) => s.profiles)
  const update = useStore((s) => s.updateProfile)
  const notify = useStore((s) => s.notify)
  if (profiles.length === 0) return null
  const change = async (profile: ProfileView, ratePlan: RatePlan) => {
    try {
      // No clientSecret key: the stored secret stays as it is.
      await update(profile.id, { fields: { ...fieldsOf(profile), ratePlan } })
    } catch (error) {
      notify({ tone: 'error', title: `Could not change the plan of “${profile.name}”`, description: errorMessage(error) })
    }
  }
  return (
    <section className="card settings-section" aria-labelledby="plans-title">
      <h2 id="plans-title" className="card-title">
        Rate-limit plans
      </h2>
      <p className="muted">Zoom’s limits depend on the account’s plan. Large crawls run just under the limit of the plan chosen here.</p>
      <ul className="plan-list">
        {profiles.map((p) => (
          <li key={p.id}>
            <label htmlFor={`plan-${p.id}`}>{p.name}</label>
            <select id={`plan-${p.id}`} className="input" style={{ width: 200 }} value={p.ratePlan} onChange={(e) => void change(p, e.target.value as RatePlan)}>
              <option value="free">Free</option>
              <option value="pro">Pro</option>
              <option value="business">Business or higher</option>
            </select>
          </li>
        ))}
      </ul>
    </section>
  )
}
