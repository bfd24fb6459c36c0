// Deleting a connection says exactly what goes away: the token is revoked at Zoom, the secret and
// tokens are forgotten, the connect window's sign-in is cleared; the Zoom app itself stays.
import type { ProfileView } from '../../../common/profile'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { useStore } from '../../store/index'

export function DeleteConnectionDialog({ profile, open, onOpenChange }: { profile: ProfileView; open: boolean; onOpenChange(open: boolean): void }) {
  const deleteProfile = useStore((s) => s.deleteProfile)
  const busy = useStore((s) => s.busy[profile.id])
  const failed = useStore((s) => s.failed[profile.id])
  const connected = useStore((s) => ['connected', 'expiring', 'refreshing'].includes(s.statuses[profile.id]?.state ?? ''))
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Delete “${profile.name}”?`}
      confirmLabel="Delete connection"
      description={
        <div className="stack" style={{ gap: 8 }}>
          <p>This will:</p>
          <ul className="steps">
            <li>{connected ? 'revoke its access token at Zoom, so scripts using a copied token stop working;' : 'revoke any token it still holds at Zoom;'}</li>
            <li>forget its Client Secret{profile.grant === 's2s' ? '' : ' and refresh token'} on this computer;</li>
            {profile.grant !== 's2s' && <li>clear the Zoom sign-in remembered by its connect window.</li>}
          </ul>
          <p className="muted">The app in the Zoom Marketplace is not changed. This cannot be undone.</p>
        </div>
      }
      onConfirm={() => deleteProfile(profile.id)}
      pending={busy === 'deleting'}
      error={failed?.action === 'deleting' ? failed.error : undefined}
    />
  )
}
