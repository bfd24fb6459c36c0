// npm run icons: renders build/icon.svg (the only source image) to what electron-builder reads
// from build/: icons/NxN.png for Linux, icon.png, icon.icns for macOS and icon.ico for Windows.
// The output is committed, so packaging never needs this script; run it after editing the SVG.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import png2icons from 'png2icons'

const buildDir = resolve(import.meta.dirname, '../build')
/** The sizes Linux desktops pick from (hicolor theme); 1024 is also the macOS/Windows source. */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

export function renderPng(svg: string, size: number): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng()
}

function main(): void {
  const svg = readFileSync(join(buildDir, 'icon.svg'), 'utf8')
  mkdirSync(join(buildDir, 'icons'), { recursive: true })
  for (const size of ICON_SIZES) writeFileSync(join(buildDir, 'icons', `${size}x${size}.png`), renderPng(svg, size))
  const master = renderPng(svg, 1024)
  writeFileSync(join(buildDir, 'icon.png'), master)
  // Bicubic resampling; the .ico keeps PNG-compressed entries (Windows Vista and later).
  const icns = png2icons.createICNS(master, png2icons.BICUBIC, 0)
  const ico = png2icons.createICO(master, png2icons.BICUBIC, 0, true, true)
  if (!icns || !ico) throw new Error('png2icons could not convert build/icon.png')
  writeFileSync(join(buildDir, 'icon.icns'), icns)
  writeFileSync(join(buildDir, 'icon.ico'), ico)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) main()
