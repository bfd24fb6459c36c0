// Expires-in countdown, last refresh, last validation, and the token actions.
import type { ConnectionState, ConnectionStatus } from '../../../common/contract/index'
import { usesClientSecret, type ProfileView } from '../../../common/profile'
import { CopyButton } from '../../components/CopyButton'
import { CopyIcon } from '../../components/icons'
import { useStore } from '../../store/index'
import { TestConnection } from '../../components/TestConnection'
import { formatDateTime, formatDuration, formatRelative } from '../../shared/format'
import { TestResultText } from '../../components/TestResultText'
import { CredentialsRefused, credentialsRefused } from './CredentialsRefused'
import { useNow } from '../../shared/use-now'

const ADVICE: Partial<Record<ConnectionState, string>> = {
  disconnected: 'No token. Press Connect to get one.',
  reconnect_needed: 'Zoom no longer accepts this connection’s refresh token. Reconnect to sign in again.',
  needs_repair: 'A stored secret can no longer be decrypted on this computer. Open Edit and paste the Client Secret again, then reconnect.',
  error: 'The last attempt failed. Reconnect when the problem below is solved.',
}

/**
 * A connection that needs a Client Secret and has none stored: in practice one imported from a
 * file, since exports never carry secrets and the editor saves no such connection without one.
 * Connect would only fail, so the advice sends the person to Edit first.
 */
const NO_SECRET_YET = 'No token yet, and no Client Secret is stored: an imported connection comes without one, because exports never contain secrets. Enter the Client Secret in Edit, then press Connect.'

function adviceOf(profile: ProfileView, state: ConnectionState): string | undefined {
  if (state === 'disconnected' && usesClientSecret(profile) && !profile.hasClientSecret) return NO_SECRET_YET
  return ADVICE[state]
}

export function HealthCard({ profile, status, state }: { profile: ProfileView; status: ConnectionStatus | undefined; state: ConnectionState }) {
  const now = useNow()
  const copyToken = useStore((s) => s.copyToken)
  const signOutZoom = useStore((s) => s.signOutZoom)
  const navigate = useStore((s) => s.navigate)
  const busy = useStore((s) => s.busy[profile.id])
  const live = state === 'connected' || state === 'expiring' || state === 'refreshing'
  const expiresIn = status?.expiresAt !== undefined ? status.expiresAt - now : undefined
  const tokenStillValid = expiresIn !== undefined && expiresIn > 0
  // Zoom's error page said the redirect URL is not registered: the URL to add, from main or the profile.
  const redirectProblem = status?.error?.code === 'AUTH_REDIRECT_NOT_REGISTERED' || status?.error?.code === 'AUTH_REDIRECT_MISMATCH'
  const redirectToRegister = redirectProblem ? (status?.error?.details?.redirectUri ?? profile.redirectUri) || undefined : undefined
  const advice = adviceOf(profile, state)
  return (
    <section className="card health" aria-labelledby="health-title">
      <h2 id="health-title" className="card-title">
        Token
      </h2>
      {status?.error ? (
        <p className="callout" data-tone={tokenStillValid ? 'warn' : 'bad'} role="alert">
          {status.error.message}
          {/* Main's message often quotes Zoom already; the same words twice read as two problems. */}
          {status.error.details?.zoomMessage && !status.error.message.includes(status.error.details.zoomMessage) ? ` — Zoom said: “${status.error.details.zoomMessage}”` : ''}
          {tokenStillValid ? ' The current token still works; the app retries by itself.' : ''}
        </p>
      ) : null}
      {redirectToRegister ? (
        <div className="callout" data-testid="redirect-help">
          {/* Main's message says what to fix; this is the URL to paste, ready to copy. */}
          <p>The redirect URL to register in the Zoom Marketplace:</p>
          <div className="row wrap">
            <code className="mono">{redirectToRegister}</code>
            <CopyButton text={redirectToRegister} label="Copy redirect URL" />
          </div>
        </div>
      ) : null}
      {credentialsRefused(status) && <CredentialsRefused profile={profile} />}
      {!status?.error && advice && (
        <div className="callout" data-tone={state === 'disconnected' ? undefined : 'bad'} data-testid="token-advice">
          <p>{advice}</p>
          {advice === NO_SECRET_YET && (
            <div className="row wrap">
              <button type="button" className="btn" onClick={() => navigate({ screen: 'connection', profileId: profile.id, tab: 'edit' })}>
                Enter the Client Secret
              </button>
            </div>
          )}
        </div>
      )}
      <dl className="facts">
        <div>
          <dt>Expires in</dt>
          <dd data-testid="expires-in" data-tone={expiresIn !== undefined && expiresIn < 5 * 60_000 ? 'warn' : undefined}>
            {expiresIn === undefined ? '—' : expiresIn > 0 ? formatDuration(expiresIn) : 'expired'}
          </dd>
        </div>
        <div>
          <dt>Last refresh</dt>
          <dd>{status?.lastRefreshAt ? <time dateTime={new Date(status.lastRefreshAt).toISOString()} title={formatDateTime(status.lastRefreshAt)}>{formatRelative(status.lastRefreshAt, now)}</time> : '—'}</dd>
        </div>
        <div>
          <dt>Refresh</dt>
          <dd>{profile.grant === 's2s' ? 'New token minted before expiry' : status?.hasRefreshToken ? 'Automatic (refresh token stored)' : '—'}</dd>
        </div>
        <div>
          <dt>API</dt>
          <dd className="mono">{status?.apiUrl ?? '—'}</dd>
        </div>
        <div className="wide">
          <dt>Last validation</dt>
          <dd>{status?.lastValidation ? <><TestResultText result={status.lastValidation} /> <span className="muted">· {formatRelative(Date.parse(status.lastValidation.at), now)}</span></> : 'Not tested yet'}</dd>
        </div>
      </dl>
      <div className="row wrap">
        <TestConnection profileId={profile.id} />
        <button type="button" className="btn" disabled={!live || busy !== undefined} onClick={() => void copyToken(profile.id)}>
          <CopyIcon size={14} /> Copy access token
        </button>
        {profile.grant === 'authorization_code' && profile.authorizeWith === 'connect-window' && (
          <button type="button" className="btn" onClick={() => void signOutZoom(profile.id)}>
            Sign out of Zoom
          </button>
        )}
      </div>
    </section>
  )
}
