// Release notes arrive from the network as HTML: what reaches the UI is plain text.
import { describe, expect, it } from 'vitest'
import { htmlToText, RELEASE_NOTES_MAX_CHARS, releaseNotesToText } from '../../../main/updates/release-notes'

describe('release notes', () => {
  it('turns GitHub’s HTML into readable text and drops scripts, styles and every tag', () => {
    const html = '<p>First line<br>second &lt;line&gt;</p><style>p{}</style><ol><li>One</li><li><a href="javascript:x" onclick="x()">Two</a></li></ol><img src=x onerror=alert(1)>&#x1F680; &#39;ok&#39;'
    const text = htmlToText(html)
    expect(text).toBe("First line\nsecond <line>\n• One\n• Two\n🚀 'ok'")
    expect(text).not.toMatch(/<img|onerror|onclick|javascript:|p\{\}/)
  })

  it('keeps text that merely looks like markup as text once decoded', () => {
    // Decoded entities are not parsed again: the UI shows them as characters.
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>')
  })

  it('reads notes full of unclosed tags in one pass (a feed cannot stall main with them)', () => {
    // Each of these made the old patterns rescan the rest of the text from every "<": minutes of main's time for 1 MB.
    for (const opening of ['<script', '<style', '<li', '<']) {
      const html = `<p>Fixes</p>${opening.repeat(Math.floor(1_000_000 / opening.length))}`
      expect(htmlToText(html).startsWith('Fixes')).toBe(true)
    }
    // The same rules as before for what does close.
    expect(htmlToText('a<script>x</script >b<style type="t">y</STYLE>c<scriptx>d</scriptx>')).toBe('abcd')
    expect(htmlToText('a<script>never closed<p>b</p>')).toBe('anever closedb')
  })

  it('joins per-version notes, handles none, and bounds the length', () => {
    expect(releaseNotesToText([{ version: '0.3.0', note: '<p>New</p>' }, { version: '0.2.0', note: null }])).toBe('0.3.0\nNew\n\n0.2.0')
    expect(releaseNotesToText(null)).toBe('')
    expect(releaseNotesToText(undefined)).toBe('')
    expect(releaseNotesToText('x'.repeat(RELEASE_NOTES_MAX_CHARS + 50))).toHaveLength(RELEASE_NOTES_MAX_CHARS + 1)
  })
})
