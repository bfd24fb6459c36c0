// ipcMain (docs/api/ipc-main.md): handle/handleOnce/removeHandler for ipcRenderer.invoke, and an
// EventEmitter for send/sendSync messages. A second handler for one channel throws "Attempted to
// register a second handler for '<channel>'" (lib/browser/ipc-main-impl.ts). A page's invoke of a
// channel with no handler is rejected with "No handler registered for '<channel>'"
// (lib/browser/api/web-contents.ts), and a handler's error reaches the page as
// "Error invoking remote method '<channel>': <error>" (lib/renderer/api/ipc-renderer.ts), the
// error being `error.toString()` (lib/browser/ipc-dispatch.ts replyWithError): only its text, no
// `code` or other property. The reply is serialized as Electron serializes it (ipc-serialize.ts):
// a value that cannot be cloned (a function, a symbol, a promise) makes the reply fail, and
// ipc-dispatch.ts catches that like a handler's error, so the page gets
// "Error invoking remote method '<channel>': Error: An object could not be cloned.".
import { EventEmitter } from 'node:events'
import { assertCarriable, electronClone } from './ipc-serialize'
import { NotEmulatedError } from './not-emulated'

export interface InvokeEvent {
  sender: unknown
  senderFrame: unknown
  frameId: number
  processId: number
  type: 'frame'
}
type InvokeHandler = (event: InvokeEvent, ...args: unknown[]) => unknown

export interface IpcTranscriptEntry {
  channel: string
  args: unknown[]
  reply?: unknown
  error?: string
}

export function createIpcMain() {
  const handlers = new Map<string, InvokeHandler>()
  const transcript: IpcTranscriptEntry[] = []
  const ipcMain = Object.assign(new EventEmitter(), {
    handle(channel: string, handler: InvokeHandler) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      if (typeof handler !== 'function') throw new TypeError(`Expected handler to be a function, but found type '${typeof handler}'`)
      handlers.set(channel, handler)
    },
    handleOnce(channel: string, handler: InvokeHandler) {
      ipcMain.handle(channel, (event, ...args) => {
        handlers.delete(channel)
        return handler(event, ...args)
      })
    },
    removeHandler(channel: string) {
      handlers.delete(channel)
    },
  })
  /** One invoke from a page: the handler's value, or the error the page's promise rejects with. */
  async function invoke(event: InvokeEvent, channel: string, args: unknown[]): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
    const handler = handlers.get(channel)
    const entry: IpcTranscriptEntry = { channel, args }
    transcript.push(entry)
    if (!handler) {
      entry.error = `No handler registered for '${channel}'`
      return { ok: false, message: `Error invoking remote method '${channel}': Error: ${entry.error}` }
    }
    try {
      const reply = electronClone(await handler(event, ...args))
      assertCarriable(reply, `the reply of '${channel}'`)
      entry.reply = reply
      return { ok: true, value: reply }
    } catch (error) {
      entry.error = String(error)
      if (error instanceof NotEmulatedError) console.error(`electron stand-in: ${error.message}`)
      return { ok: false, message: `Error invoking remote method '${channel}': ${String(error)}` }
    }
  }
  return { ipcMain, invoke, transcript }
}
