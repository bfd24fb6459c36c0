// The bridge (DESIGN.md "preload/"): one global with one function per contract channel and an
// `on` for events. It exposes no ipcRenderer, no send/sendSync, no process, no shell. Bundled as
// one CommonJS file so it runs in the sandbox; it imports only plain name lists, never zod.
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL } from '../common/contract/bridge-global'
import { EVENT_NAMES, eventChannel } from '../common/contract/events'
import type { EventName } from '../common/contract/events'
import { CHANNEL_NAMES } from '../common/contract/names'

const eventNames = new Set<string>(EVENT_NAMES)

const bridge: Record<string, unknown> = {}
for (const name of CHANNEL_NAMES) {
  // Only the input (and the page's call id, when it gives one: app.cancelCall names it) crosses;
  // the Electron event object never reaches the page. Main parses both.
  bridge[name] = (input: unknown, callId?: unknown) => (callId === undefined ? ipcRenderer.invoke(name, input) : ipcRenderer.invoke(name, input, callId))
}

bridge.on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
  if (!eventNames.has(event)) throw new Error(`Unknown event: ${String(event)}`)
  if (typeof listener !== 'function') throw new Error('The listener must be a function')
  const channel = eventChannel(event)
  const wrapped = (_event: unknown, payload: unknown) => listener(payload)
  ipcRenderer.on(channel, wrapped)
  return () => void ipcRenderer.removeListener(channel, wrapped)
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(bridge))
