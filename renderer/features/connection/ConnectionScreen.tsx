// One connection: its header and tabs (overview, browse, console, settings).
import type { ConnectionTab } from '../../store/slices/session'
import { useStore } from '../../store/index'
import { selectProfile } from '../../store/selectors/connections'

export default function ConnectionScreen({ profileId }: { profileId: string; tab: ConnectionTab }) {
  const profile = useStore(selectProfile(profileId))
  if (!profile) return null
  return (
    <div className="page">
      <h1>{profile.name}</h1>
    </div>
  )
}
