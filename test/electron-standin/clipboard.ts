// The system clipboard as main's `clipboard` module sees it (docs/api/clipboard.md): text in the
// 'clipboard' buffer, and on Linux a separate 'selection' buffer. Process-wide, like the system
// clipboard: a restarted app reads what the last one wrote. It is NOT the clipboard that a page's
// navigator.clipboard writes (headless Chromium keeps its own): tests read this one.
const buffers = { clipboard: '', selection: '' }
type ClipboardType = keyof typeof buffers

export const clipboard = {
  readText: (type: ClipboardType = 'clipboard') => buffers[type],
  writeText(text: string, type: ClipboardType = 'clipboard') {
    buffers[type] = String(text)
  },
  clear(type: ClipboardType = 'clipboard') {
    buffers[type] = ''
  },
  availableFormats: (type: ClipboardType = 'clipboard') => (buffers[type] ? ['text/plain'] : []),
  has: (format: string, type: ClipboardType = 'clipboard') => format === 'text/plain' && buffers[type] !== '',
}
