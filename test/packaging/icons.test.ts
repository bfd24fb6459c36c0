// Every installer's icon comes from build/icon.svg: the committed renders must be what
// `npm run icons` makes from it today (so nobody edits the SVG and ships stale icons), in the
// formats electron-builder reads.
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Resvg } from '@resvg/resvg-js'
import { ICON_SIZES, renderPng } from '../../scripts/render-icons'

const buildDir = resolve(import.meta.dirname, '../../build')
const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/** RGBA pixels of a PNG, decoded by drawing it 1:1 with resvg (no PNG decoder needed). */
function pixelsOf(png: Buffer, size: number): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><image width="${size}" height="${size}" href="data:image/png;base64,${png.toString('base64')}"/></svg>`
  return Buffer.from(new Resvg(svg).render().pixels)
}

describe('icons', () => {
  it.each(ICON_SIZES.map((size) => [`${size}x${size}`, size] as const))('build/icons/%s.png is the current render of build/icon.svg', (_name, size) => {
    const committed = readFileSync(join(buildDir, 'icons', `${size}x${size}.png`))
    expect(pngSize(committed)).toEqual({ width: size, height: size })
    // Pixel values, not bytes: another CPU may round a shade differently (a step of 1 or 2).
    const want = pixelsOf(renderPng(svg, size), size)
    const have = pixelsOf(committed, size)
    expect(have.length).toBe(size * size * 4)
    let worst = 0
    for (let i = 0; i < have.length; i++) worst = Math.max(worst, Math.abs((have[i] ?? 0) - (want[i] ?? 0)))
    expect(worst).toBeLessThanOrEqual(2)
  })

  it('has the macOS .icns and the Windows .ico the builder config names', () => {
    const config = readFileSync(resolve(buildDir, '../electron-builder.yml'), 'utf8')
    for (const icon of ['build/icon.icns', 'build/icon.ico', 'build/icons']) {
      expect(config).toContain(`icon: ${icon}`)
      expect(existsSync(resolve(buildDir, '..', icon))).toBe(true)
    }
    expect(readFileSync(join(buildDir, 'icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns')
    // ICONDIR: reserved 0, type 1 (icon).
    expect([...readFileSync(join(buildDir, 'icon.ico')).subarray(0, 4)]).toEqual([0, 0, 1, 0])
  })
})
