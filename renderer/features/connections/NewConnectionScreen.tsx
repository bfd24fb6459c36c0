// Creating a connection: the editor started from the chosen kind of app.
import type { AppKind } from '../../store/slices/session'

export default function NewConnectionScreen({ kind }: { kind?: AppKind }) {
  return (
    <div className="page">
      <h1>New connection</h1>
      <p className="muted">{kind}</p>
    </div>
  )
}
