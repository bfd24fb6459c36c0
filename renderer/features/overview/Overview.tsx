// Token health at a glance: expiry, refresh, validation, scopes, rate limits and the timeline.
import type { ConnectionState, ConnectionStatus } from '../../../common/contract/index'
import type { ProfileView } from '../../../common/profile'
import { HealthCard } from './HealthCard'
import { RateUsageCard } from './RateUsageCard'
import { ScopesCard } from './ScopesCard'
import { TimelineCard } from './TimelineCard'

export function Overview({ profile, status, state }: { profile: ProfileView; status: ConnectionStatus | undefined; state: ConnectionState }) {
  return (
    <div className="overview-grid">
      <HealthCard profile={profile} status={status} state={state} />
      <ScopesCard profile={profile} status={status} />
      <RateUsageCard profileId={profile.id} />
      <TimelineCard profileId={profile.id} />
    </div>
  )
}
