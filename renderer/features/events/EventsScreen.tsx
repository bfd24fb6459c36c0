// The Events tab of a connection: its WebSocket event subscription, the socket, the live list,
// each event's detail checked against Zoom's schema, and the webhook helper.
import { useEffect, useState } from 'react'
import type { ProfileView } from '../../../common/profile'
import { useStore } from '../../store/index'
import { EventDrawer } from './EventDrawer'
import { EventList } from './EventList'
import { EventsSetup } from './EventsSetup'
import { SocketState } from './SocketState'
import { WebhookHelper } from './WebhookHelper'
import '../../styles/browse.css'
import '../../styles/events.css'

export default function EventsScreen({ profile }: { profile: ProfileView }) {
  const watch = useStore((s) => s.watchEvents)
  const config = useStore((s) => s.eventConfigs[profile.id])
  const status = useStore((s) => s.eventStatuses[profile.id])
  const [detail, setDetail] = useState<number>()
  useEffect(() => watch(profile.id), [watch, profile.id])
  const datasetId = status?.datasetId
  return (
    <div className="stack events">
      <EventsSetup profileId={profile.id} config={config} />
      <SocketState profileId={profile.id} status={status} canConnect={(config?.subscriptionId ?? '') !== ''} />
      {datasetId ? (
        <>
          <EventList status={{ ...status, datasetId }} onOpen={setDetail} />
          <EventDrawer datasetId={datasetId} index={detail} onClose={() => setDetail(undefined)} />
        </>
      ) : (
        <p className="muted">Events appear here as Zoom sends them, newest first.</p>
      )}
      <WebhookHelper profileId={profile.id} config={config} />
    </div>
  )
}
