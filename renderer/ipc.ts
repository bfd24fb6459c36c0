// The only module that touches the preload's global (DESIGN.md, renderer/ipc.ts). It unwraps
// envelopes into values or throws a typed BridgeCallError; tests swap in a fake with setBridge.
import type { Bridge, ChannelInput, ChannelName, ChannelOutput, EventMap, EventName } from '../common/contract/index'
import type { ErrorCode, ErrorDetails, FieldIssue } from '../common/errors'

/** Kept equal to BRIDGE_GLOBAL in common/contract; importing that value would pull every zod schema into the bundle. */
const BRIDGE_GLOBAL = 'zoomConnect'

export class BridgeCallError extends Error {
  override readonly name = 'BridgeCallError'
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message)
  }

  /** Field issues main reported (error.details.issues), for showing each next to its field. */
  get issues(): FieldIssue[] {
    return this.details?.issues ?? []
  }
}

let override: Bridge | undefined

/** Swap the bridge (tests, the screenshot harness); `undefined` goes back to the preload's global. */
export function setBridge(bridge: Bridge | undefined): void {
  override = bridge
}

function bridge(): Bridge {
  if (override) return override
  const global = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL]
  if (!global) throw new BridgeCallError('INTERNAL', 'The app bridge is not available. Restart Zoom Connect.')
  return global
}

let lastCallId = 0

/** Options of one call. `signal`: aborting it asks main to cancel the call (app.cancelCall); the call then fails with CANCELLED. */
export interface CallOptions {
  signal?: AbortSignal
}

/** Calls a channel and returns its value, or throws BridgeCallError with main's code and message. */
export async function call<K extends ChannelName>(name: K, input: ChannelInput<K>, options: CallOptions = {}): Promise<ChannelOutput<K>> {
  const fn = bridge()[name] as (input: ChannelInput<K>, callId?: string) => Promise<{ ok: true; value: ChannelOutput<K> } | { ok: false; error: { code: ErrorCode; message: string; details?: ErrorDetails } }>
  const { signal } = options
  if (signal?.aborted) throw new BridgeCallError('CANCELLED', 'Cancelled.')
  // Ids only need to be unique among this page's running calls: main scopes them to the window.
  const callId = signal ? `c${++lastCallId}` : undefined
  const cancel = () => void call('app.cancelCall', { callId: callId as string }).catch(() => undefined)
  signal?.addEventListener('abort', cancel, { once: true })
  let envelope
  try {
    envelope = await (callId === undefined ? fn(input) : fn(input, callId))
  } catch {
    // A rejected invoke means the bridge itself failed (e.g. main crashed); its text may be Electron's.
    throw new BridgeCallError('INTERNAL', 'The app did not answer. Try again, or restart Zoom Connect.')
  } finally {
    signal?.removeEventListener('abort', cancel)
  }
  if (envelope.ok) return envelope.value
  throw new BridgeCallError(envelope.error.code, envelope.error.message, envelope.error.details)
}

/** Subscribes to an event main pushes; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
  return bridge().on(event, listener)
}

/** Turns anything thrown into a readable message for the UI. */
export function errorMessage(error: unknown): string {
  if (error instanceof BridgeCallError) return error.message
  if (error instanceof Error && error.message) return error.message
  return 'Something went wrong.'
}

export function toBridgeCallError(error: unknown): BridgeCallError {
  return error instanceof BridgeCallError ? error : new BridgeCallError('INTERNAL', errorMessage(error))
}
