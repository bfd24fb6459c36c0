// What a value becomes when Electron sends it between main and a page: main serializes it with
// V8's own ValueSerializer and no host objects (shell/common/v8_util.cc, V8Serializer), both for
// webContents.send and for an ipcMain.handle reply (gin_helper/reply_channel.cc SendReplyImpl).
// Node's v8.Serializer (the base class, not DefaultSerializer) is the same serializer with the
// same default delegate: functions, symbols, promises and native handles are refused, class
// instances arrive as plain objects of their own enumerable properties, a Buffer arrives as a
// Uint8Array over its whole backing ArrayBuffer, an Error keeps its message but not its custom
// properties (`code`). Electron then throws "An object could not be cloned." (V8Serializer::Serialize).
import { Deserializer, Serializer } from 'node:v8'
import { NotEmulatedError } from './not-emulated'

export const CLONE_ERROR = 'An object could not be cloned.'

/** The value the other side receives, or Electron's error when it cannot be sent. */
export function electronClone(value: unknown): unknown {
  let bytes: Buffer
  try {
    const serializer = new Serializer()
    serializer.writeHeader()
    serializer.writeValue(value)
    bytes = serializer.releaseBuffer()
  } catch {
    throw new Error(CLONE_ERROR)
  }
  const deserializer = new Deserializer(bytes)
  deserializer.readHeader()
  return deserializer.readValue()
}

/**
 * The stand-in hands values to pages through Playwright, whose serializer turns a Map or Set into
 * `{}` and drops an ArrayBuffer's bytes: refused rather than delivered differently from Electron.
 */
export function assertCarriable(value: unknown, where: string, seen = new Set<unknown>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return
  seen.add(value)
  const refuse = (what: string) => {
    throw new NotEmulatedError(`${what} in ${where}`)
  }
  if (ArrayBuffer.isView(value)) return value instanceof DataView ? refuse('a DataView') : undefined
  if (value instanceof Date || value instanceof RegExp || value instanceof Error) return
  if (value instanceof Map) return refuse('a Map')
  if (value instanceof Set) return refuse('a Set')
  if (value instanceof ArrayBuffer) return refuse('an ArrayBuffer')
  if (value instanceof Boolean || value instanceof Number || value instanceof String || value instanceof BigInt) return refuse('a boxed primitive')
  for (const key of Object.keys(value)) assertCarriable((value as Record<string, unknown>)[key], where, seen)
}
