// Events carry text main did not write (Zoom's reason in a status or timeline entry, a file name
// in a download error): every string is redacted on its way to the renderer.
import type { EventSink } from '../ports'
import { redactDeep } from './redact'

export function redactingEvents(sink: EventSink): EventSink {
  return { emit: (event, payload) => sink.emit(event, redactDeep(payload)) }
}
