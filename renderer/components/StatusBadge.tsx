// The connection state as a labelled, coloured pill (the colour is never the only signal).
import type { ConnectionState } from '../../common/contract/index'
import { STATE_LABELS, STATE_TONES } from '../store/selectors/connections'

export function StatusBadge({ state, detail }: { state: ConnectionState; detail?: string }) {
  return (
    <span className="badge" data-tone={STATE_TONES[state]} data-state={state} title={detail}>
      {STATE_LABELS[state]}
    </span>
  )
}
