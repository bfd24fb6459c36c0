// The primary action for the connection's state: Connect, Reconnect, Cancel sign-in, Disconnect.
import { useState } from 'react'
import type { ConnectionState } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { PlugIcon } from '../../components/icons'
import { useFocusReturn, useFocusWhenGone } from '../../components/use-focus-return'
import { useStore } from '../../store/index'

const LIVE: ConnectionState[] = ['connected', 'expiring', 'refreshing']

/** What is going on while a connect runs, and how it ends: in words, not only "waiting". */
function connectingText(profile: ProfileView): string {
  if (profile.grant === 's2s') return 'Requesting a token from Zoom…'
  if (profile.authorizeWith === 'system-browser')
    return 'Your web browser shows Zoom’s sign-in page. Sign in there and press Allow; Zoom then sends the browser back to this app. Cancel sign-in stops waiting.'
  return 'A Zoom sign-in window is open. Sign in there and press Allow; the window closes by itself when Zoom sends you back. Closing it, or Cancel sign-in, stops.'
}

export function ConnectButtons({ profile, state }: { profile: ProfileView; state: ConnectionState }) {
  const busy = useStore((s) => s.busy[profile.id])
  const failed = useStore((s) => s.failed[profile.id])
  const connect = useStore((s) => s.connectWithNotice)
  const cancelSignIn = useStore((s) => s.cancelConnect)
  const disconnect = useStore((s) => s.disconnect)
  const [confirming, setConfirming] = useState(false)
  const connecting = busy === 'connecting' || state === 'connecting'
  // Disabled while a token is requested, the button loses focus: it gets it back when that ends.
  const connectButton = useFocusReturn<HTMLButtonElement>(connecting && profile.grant !== 'authorization_code')
  const live = LIVE.includes(state)
  // Disconnect removes its own button: focus goes to Connect, whether the confirmation closed
  // before the button went (here) or after (the dialog's returnFocusTo).
  useFocusWhenGone(!live, () => connectButton.current)
  if (state === 'locked') return null
  return (
    <div className="row">
      {/* One button element in this place whatever the state, so focus stays on it as Connect
          turns into Cancel sign-in, Connecting… and Reconnect (a removed button drops focus to <body>). */}
      {connecting && profile.grant === 'authorization_code' ? (
        <button ref={connectButton} type="button" className="btn" onClick={() => void cancelSignIn(profile.id)}>
          Cancel sign-in
        </button>
      ) : connecting ? (
        <button ref={connectButton} type="button" className="btn" disabled>
          <PlugIcon size={14} /> Connecting…
        </button>
      ) : (
        <button ref={connectButton} type="button" className={live ? 'btn' : 'btn btn-primary'} disabled={busy !== undefined} onClick={() => void connect(profile.id)}>
          <PlugIcon size={14} /> {state === 'disconnected' ? 'Connect' : 'Reconnect'}
        </button>
      )}
      {connecting && (
        <span role="status" className="muted connect-explainer">
          {connectingText(profile)}
        </span>
      )}
      {live && (
        <button type="button" className="btn" disabled={busy !== undefined} onClick={() => setConfirming(true)}>
          Disconnect
        </button>
      )}
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Disconnect “${profile.name}”?`}
        description="The access token is revoked at Zoom and forgotten here; scripts using a copied token stop working. The connection’s settings and Client Secret stay, so you can connect again in one click."
        confirmLabel="Disconnect"
        onConfirm={() => disconnect(profile.id)}
        returnFocusTo={() => connectButton.current}
        pending={busy === 'disconnecting'}
        error={failed?.action === 'disconnecting' ? failed.error : undefined}
      />
    </div>
  )
}
