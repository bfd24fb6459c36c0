// Each connection's rate-limit plan (a profile field): how fast crawls may go without a 429.
import type { RatePlan } from '../../../common/profile'
import { useStore } from '../../store/index'

export function RatePlanSettings() {
  const profiles = useStore((s) => s.profiles)
  // Reports a refusal itself (a notice from the connections slice).
  const change = useStore((s) => s.changeRatePlan)
  if (profiles.length === 0) return null
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
            <select id={`plan-${p.id}`} className="input" style={{ width: 200 }} value={p.ratePlan} onChange={(e) => void change(p.id, e.target.value as RatePlan)}>
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
