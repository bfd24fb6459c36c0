// What the app shows for a connection (its badge, buttons and overview), part of the status main
// derives (connection-state.ts). Kept apart, free of node imports, so the renderer's test double
// of main derives it with this same code.
import type { ConnectionState } from '../../common/contract/auth'

/** A locked vault or stored secrets that need repair outrank whatever the connection itself last reported. */
export function shownState(state: ConnectionState, context: { vaultLocked: boolean; needsRepair: readonly string[] }): ConnectionState {
  if (context.vaultLocked) return 'locked'
  if (context.needsRepair.length > 0) return 'needs_repair'
  return state
}
