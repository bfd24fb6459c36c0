// Creating a connection: the guided editor started from the chosen kind of app. Once saved (a
// Save & connect whose connect failed saves it too) the page names the connection it now edits.
import { useState } from 'react'
import type { AppKind } from '../../store/slices/session'
import { useStore } from '../../store/index'
import { ConnectionEditor } from '../editor/ConnectionEditor'

export default function NewConnectionScreen({ kind }: { kind?: AppKind }) {
  const navigate = useStore((s) => s.navigate)
  const [savedId, setSavedId] = useState<string>()
  const saved = useStore((s) => (savedId === undefined ? undefined : s.profiles.find((p) => p.id === savedId)))
  return (
    <div className="page">
      <div className="page-head">
        <h1>{saved ? saved.name : 'New connection'}</h1>
        <span className="sub">
          {saved
            ? 'Saved, not connected yet. A change here updates this connection.'
            : 'Follow the steps: each one says what to do in the Zoom Marketplace and what to paste here.'}
        </span>
      </div>
      <ConnectionEditor
        kind={kind ?? 's2s'}
        onSaved={setSavedId}
        // The saved connection stays: leaving goes to it rather than pretending nothing was made.
        cancelLabel={saved ? 'Close' : 'Cancel'}
        onCancel={() => navigate(saved ? { screen: 'connection', profileId: saved.id, tab: 'overview' } : { screen: 'home' })}
      />
    </div>
  )
}
