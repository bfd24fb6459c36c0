// The home screen: with no connections, how to start; otherwise an overview of all of them.
import { useEffect, useRef } from 'react'
import { focusIsLost } from '../../components/use-focus-return'
import { useStore } from '../../store/index'
import { StatusBadge } from '../../components/StatusBadge'
import { ImportIcon } from '../../components/icons'
import { profileKind, shownState } from '../../store/selectors/connections'
import { VaultSetupChoices } from '../settings/VaultSetupChoices'
import { KINDS } from './kinds'

export function Welcome() {
  const profiles = useStore((s) => s.profiles)
  return profiles.length === 0 ? <FirstRun /> : <AllConnections />
}

function FirstRun() {
  const navigate = useStore((s) => s.navigate)
  const uninitialised = useStore((s) => s.vault?.state === 'uninitialised')
  const importFile = useStore((s) => s.importProfilesFile)
  const firstChoice = useRef<HTMLButtonElement>(null)
  // The storage choice disappears once made: focus goes on to the next step, not back to the top.
  const wasUninitialised = useRef(uninitialised)
  useEffect(() => {
    if (wasUninitialised.current && !uninitialised && focusIsLost()) firstChoice.current?.focus()
    wasUninitialised.current = uninitialised
  }, [uninitialised])
  return (
    <div className="welcome">
      {uninitialised && (
        <section className="card" aria-labelledby="first-vault-title">
          <h2 id="first-vault-title" className="card-title">
            How should your secrets be protected?
          </h2>
          <VaultSetupChoices />
        </section>
      )}
      <div className="stack">
        <h1>Connect to Zoom in a few minutes</h1>
        <p className="lead">
          A connection holds the IDs of an app you create in the Zoom Marketplace. Zoom Connect keeps its secret and tokens encrypted on this computer, refreshes them for you, and lets you browse
          your account’s data or try any API request.
        </p>
      </div>
      <section className="stack" aria-labelledby="start-title">
        <h2 id="start-title">What kind of Zoom app do you have (or want)?</h2>
        <div className="choice-grid">
          {KINDS.map((k, i) => (
            <button key={k.kind} ref={i === 0 ? firstChoice : undefined} type="button" className="choice" onClick={() => navigate({ screen: 'new', kind: k.kind })}>
              <strong>{k.title}</strong>
              <span>{k.summary}</span>
            </button>
          ))}
        </div>
        <p className="muted">Not sure? Choose Server-to-Server OAuth if you administer the account; the editor walks you through creating the app step by step.</p>
      </section>
      <div className="row">
        <button type="button" className="btn" onClick={() => void importFile()}>
          <ImportIcon size={14} /> Import connections…
        </button>
        <span className="muted">from a file exported by Zoom Connect (secrets are never exported).</span>
      </div>
    </div>
  )
}

function AllConnections() {
  const profiles = useStore((s) => s.profiles)
  const statuses = useStore((s) => s.statuses)
  const navigate = useStore((s) => s.navigate)
  return (
    <div className="page">
      <div className="page-head">
        <h1>Connections</h1>
        <span className="sub">{profiles.length} in total</span>
      </div>
      <div className="choice-grid">
        {profiles.map((p) => (
          <button key={p.id} type="button" className="choice" onClick={() => navigate({ screen: 'connection', profileId: p.id, tab: 'overview' })}>
            <strong>{p.name}</strong>
            <span>{profileKind(p)}</span>
            <StatusBadge state={shownState(statuses[p.id])} />
          </button>
        ))}
      </div>
    </div>
  )
}
