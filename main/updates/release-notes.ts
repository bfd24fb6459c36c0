// Release notes come from the network (GitHub renders a release's body to HTML): they are
// reduced to plain text here, and the UI shows them as text, so no markup from the feed is
// ever interpreted.
import type { UpdateReleaseNotes } from './updater-port'

/** Long enough for any real changelog; a hostile feed cannot fill the UI with megabytes. */
export const RELEASE_NOTES_MAX_CHARS = 20_000

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10)
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** HTML (or plain text) to readable plain text: block ends become line breaks, list items bullets. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n• ')
    .replace(/<\/(p|div|h[1-6]|li|ul|ol|pre|blockquote|tr)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
  return decodeEntities(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n+/g, '\n')
    .trim()
}

export function releaseNotesToText(notes: UpdateReleaseNotes | undefined): string {
  if (!notes) return ''
  const text = typeof notes === 'string' ? htmlToText(notes) : notes.map((entry) => [entry.version, htmlToText(entry.note ?? '')].filter(Boolean).join('\n')).join('\n\n')
  return text.length > RELEASE_NOTES_MAX_CHARS ? `${text.slice(0, RELEASE_NOTES_MAX_CHARS)}…` : text
}
