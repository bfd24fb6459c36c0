// The event object Electron passes to its listeners: preventDefault() cancels what the event
// announces (docs/api/structures/event.md: "Event extends GlobalEvent"; listeners read
// `defaultPrevented`). Extra fields ride on the same object, as Electron's `details` events do.
export type ElectronEvent<T extends object = object> = T & { preventDefault(): void; readonly defaultPrevented: boolean }

export function electronEvent<T extends object>(fields: T = {} as T): ElectronEvent<T> {
  let prevented = false
  const event = { ...fields, preventDefault: () => void (prevented = true) }
  Object.defineProperty(event, 'defaultPrevented', { get: () => prevented, enumerable: true })
  return event as ElectronEvent<T>
}
