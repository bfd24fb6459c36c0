// One line saying how secrets are protected; a click opens the settings where it can be changed.
import { describeProtection } from '../../store/selectors/vault'
import { useStore } from '../../store/index'
import { LockIcon, ShieldAlertIcon, ShieldIcon } from '../../components/icons'

export function ProtectionSummary() {
  const vault = useStore((s) => s.vault)
  const navigate = useStore((s) => s.navigate)
  const { text, tone } = describeProtection(vault)
  const Icon = vault?.state === 'locked' ? LockIcon : tone === 'ok' ? ShieldIcon : ShieldAlertIcon
  return (
    <button type="button" className="protection" data-tone={tone} data-testid="protection" onClick={() => navigate({ screen: 'settings' })}>
      <Icon size={14} />
      <span>
        <span className="visually-hidden">Secret storage: </span>
        {text}
      </span>
    </button>
  )
}
