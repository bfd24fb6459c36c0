// The palette's text/background pairs, in both themes, meet WCAG AA for normal text (4.5:1).
// Reads the tokens from renderer/styles/tokens.css itself, so a changed colour is checked as
// written. The pairs are the ones the stylesheets combine (buttons of every variant, selected
// items, badges, muted text on each surface).
import { describe, expect, it } from 'vitest'

// Read from disk: vitest turns every CSS import (even ?raw) into '' while CSS processing is off,
// and this folder's tsconfig (the web one) has no Node types, hence the untyped dynamic import.
const NODE_FS = 'node:fs'
const { readFileSync } = (await import(/* @vite-ignore */ NODE_FS)) as { readFileSync(path: URL, encoding: 'utf8'): string }
const tokensCss = readFileSync(new URL('../../renderer/styles/tokens.css', import.meta.url), 'utf8')

type Theme = 'light' | 'dark'

/** `--name: light-dark(#aaa, #bbb)` and `--name: var(--other)` declarations of :root. */
function readPalette(css: string, theme: Theme): Map<string, string> {
  const raw = new Map<string, string>()
  for (const match of css.matchAll(/(--[\w-]+):\s*([^;]+);/g)) raw.set(match[1] as string, (match[2] as string).trim())
  const resolve = (name: string, depth = 0): string => {
    const value = raw.get(name)
    if (value === undefined || depth > 5) throw new Error(`no colour token ${name}`)
    const pair = /^light-dark\(\s*(#[0-9a-f]{6})\s*,\s*(#[0-9a-f]{6})\s*\)$/i.exec(value)
    if (pair) return (theme === 'light' ? pair[1] : pair[2]) as string
    const alias = /^var\((--[\w-]+)\)$/.exec(value)
    if (alias) return resolve(alias[1] as string, depth + 1)
    throw new Error(`${name} is not a light-dark() hex pair: ${value}`)
  }
  const palette = new Map<string, string>()
  for (const name of raw.keys()) {
    try {
      palette.set(name, resolve(name))
    } catch {
      // Not a plain colour (shadows, fonts, sizes).
    }
  }
  return palette
}

function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16)
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}

/** [text, background, where]: every combination the stylesheets use for text. */
const PAIRS: [string, string, string][] = [
  ...['--bg', '--surface', '--surface-2', '--surface-hover', '--accent-soft', '--muted-soft'].map((bg): [string, string, string] => ['--text', bg, 'body text']),
  ...['--bg', '--surface', '--surface-2', '--muted-soft', '--accent-soft'].map((bg): [string, string, string] => ['--text-2', bg, 'secondary text']),
  ...['--bg', '--surface', '--surface-2', '--surface-hover', '--accent-soft'].map((bg): [string, string, string] => ['--text-3', bg, 'muted text, hints, list meta']),
  ['--accent-text', '--accent', 'primary button'],
  ['--accent-text', '--accent-hover', 'primary button, hovered'],
  ['--bad-text', '--bad', 'danger button'],
  ['--bad-text', '--bad-hover', 'danger button, hovered'],
  ['--accent-on-soft', '--accent-soft', 'current/pressed button, active resource tab'],
  ['--accent-on-soft', '--accent-soft-hover', 'current/pressed button, hovered'],
  ['--disabled-text', '--disabled-bg', 'disabled button'],
  ['--disabled-text', '--bg', 'disabled ghost button, disabled tab'],
  ['--disabled-text', '--surface', 'disabled ghost button on a card'],
  ['--accent', '--bg', 'links, active tab'],
  ['--accent', '--surface', 'links on a card'],
  ['--ok', '--ok-soft', 'ok badge'],
  ['--warn', '--warn-soft', 'warning badge and callout'],
  ['--bad', '--bad-soft', 'error badge and callout'],
  ['--busy', '--busy-soft', 'busy badge'],
  ['--warn', '--surface', 'warning text'],
  ['--bad', '--surface', 'error text'],
]

describe.each<Theme>(['light', 'dark'])('%s theme contrast', (theme) => {
  const palette = readPalette(tokensCss, theme)
  it.each(PAIRS)('%s on %s (%s) is at least 4.5:1', (text, background) => {
    const fg = palette.get(text)
    const bg = palette.get(background)
    expect(fg, text).toBeDefined()
    expect(bg, background).toBeDefined()
    expect(contrast(fg as string, bg as string)).toBeGreaterThanOrEqual(4.5)
  })
})

describe('contrast()', () => {
  it('matches the WCAG reference values', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5)
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2)
    expect(contrast('#ffffff', '#ffffff')).toBe(1)
  })
})
