// Zoom's token endpoint answered invalid_client: the Client ID or Client Secret is wrong. Reconnect
// sends the same pair and fails the same way, so the overview points at the one place that helps —
// the editor, where every other field is kept and only the wrong value needs typing again.
import type { ConnectionStatus } from '../../../common/contract/index'
import { usesClientSecret, type ProfileView } from '../../../common/profile'
import { useStore } from '../../store/index'

export function credentialsRefused(status: ConnectionStatus | undefined): boolean {
  return status?.error?.code === 'AUTH_INVALID_CLIENT'
}

export function CredentialsRefused({ profile }: { profile: ProfileView }) {
  const navigate = useStore((s) => s.navigate)
  const what = usesClientSecret(profile) ? 'the Client ID and Client Secret' : 'the Client ID'
  return (
    <div className="callout" data-tone="bad" data-testid="token-advice">
      <p>
        Reconnecting with the same credentials fails again. Copy {what} from the app’s App Credentials page in the Zoom Marketplace, paste them in Edit
        (the other fields stay as they are), then press Save &amp; connect.
      </p>
      <div className="row wrap">
        <button type="button" className="btn" onClick={() => navigate({ screen: 'connection', profileId: profile.id, tab: 'edit' })}>
          Fix the credentials in Edit
        </button>
      </div>
    </div>
  )
}
