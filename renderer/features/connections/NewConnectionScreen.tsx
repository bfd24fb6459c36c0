// Creating a connection: the guided editor started from the chosen kind of app.
import type { AppKind } from '../../store/slices/session'
import { useStore } from '../../store/index'
import { ConnectionEditor } from '../editor/ConnectionEditor'

export default function NewConnectionScreen({ kind }: { kind?: AppKind }) {
  const navigate = useStore((s) => s.navigate)
  return (
    <div className="page">
      <div className="page-head">
        <h1>New connection</h1>
        <span className="sub">Follow the steps: each one says what to do in the Zoom Marketplace and what to paste here.</span>
      </div>
      <ConnectionEditor kind={kind ?? 's2s'} onCancel={() => navigate({ screen: 'home' })} />
    </div>
  )
}
