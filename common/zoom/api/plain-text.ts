// Zoom's descriptions are Markdown with some HTML and HTML entities (`&quot;from&quot;`). The app
// shows them as text (React escapes it; no markup is ever interpreted), so they are reduced to
// their words here: tags dropped, links to their words, emphasis and code marks removed, entities
// written as the characters they stand for.

const NAMED_ENTITIES: Readonly<Record<string, string>> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: '\u00a0' }

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name.toLowerCase()] ?? whole
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1))
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole
  })
}

export function plainText(markdown: string): string {
  const text = markdown
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\n{3,}/g, '\n\n')
  // Last, so an encoded `&lt;b&gt;` stays the text "<b>" rather than being taken for a tag.
  return decodeEntities(text).trim()
}
