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

/** Lower-cases A–Z only, so every character keeps its index. */
const foldAscii = (text: string) => text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase())

/**
 * Without `<script …>…</script>` and `<style …>…</style>` blocks, in one pass. A lazy regex would
 * scan the rest of the text again from every opening tag that is never closed (a feed of
 * `<script<script…` stalls main for minutes); here, once no closing tag of a kind is left, none is
 * looked for again.
 */
function withoutScriptsAndStyles(html: string): string {
  const folded = foldAscii(html)
  const unclosed = new Set<string>()
  const opening = /<(script|style)\b/g
  let out = ''
  let copied = 0
  for (let match = opening.exec(folded); match; match = opening.exec(folded)) {
    const tag = match[1] as string
    const end = unclosed.has(tag) ? -1 : closingTagEnd(folded, tag, opening.lastIndex)
    if (end === -1) {
      unclosed.add(tag)
      continue
    }
    out += html.slice(copied, match.index)
    copied = end
    opening.lastIndex = end
  }
  return out + html.slice(copied)
}

/** Where the first `</tag >` at or after `from` ends, or -1. */
function closingTagEnd(folded: string, tag: string, from: number): number {
  const rest = /\s*>/y
  for (let at = folded.indexOf(`</${tag}`, from); at !== -1; at = folded.indexOf(`</${tag}`, at + 1)) {
    rest.lastIndex = at + tag.length + 2
    if (rest.test(folded)) return rest.lastIndex
  }
  return -1
}

/**
 * `pattern` (a tag that runs to the next `>`) replaced in the text up to its last `>`: past it no
 * tag can close, and a regex would try from every `<` there to the end of the text.
 */
function replaceTags(text: string, pattern: RegExp, replacement: string): string {
  const last = text.lastIndexOf('>')
  return text.slice(0, last + 1).replace(pattern, replacement) + text.slice(last + 1)
}

/** HTML (or plain text) to readable plain text: block ends become line breaks, list items bullets. */
export function htmlToText(html: string): string {
  const items = replaceTags(withoutScriptsAndStyles(html).replace(/<br\s*\/?>/gi, '\n'), /<li\b[^>]*>/gi, '\n• ')
  const text = replaceTags(items.replace(/<\/(p|div|h[1-6]|li|ul|ol|pre|blockquote|tr)\s*>/gi, '\n'), /<[^>]*>/g, '')
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
