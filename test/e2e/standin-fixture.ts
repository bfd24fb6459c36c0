// Shared pieces of the stand-in's own tests: a stand-in on the shared Chromium, a loopback site
// whose pages link, post forms, redirect and frame each other, and a tiny preload.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createStandin, type StandinOptions } from '../electron-standin/runtime'
import { browser } from './harness'

export const appRoot = resolve(import.meta.dirname, '../..')

export async function readyStandin(options: Partial<StandinOptions> = {}) {
  const standin = createStandin({ appPath: appRoot, browser: await browser(), ...options })
  await standin.start()
  return standin
}

export interface Site {
  url: string
  /** Every request the site received: method and path. */
  hits: string[]
  close(): Promise<void>
}

const html = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`

const pages: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  '/start': (_q, s) => s.end(html('<a id="link" href="/next">next</a><form id="form" method="post" action="/posted"><input name="a" value="1"><button id="submit">go</button></form>')),
  '/next': (_q, s) => s.end(html('next page')),
  '/posted': (_q, s) => s.end(html('posted')),
  '/redirect': (_q, s) => s.writeHead(302, { Location: '/target' }).end(),
  '/bounce': (q, s) => s.writeHead(302, { Location: new URL(q.url ?? '/', 'http://x').searchParams.get('to') ?? '/target' }).end(),
  '/target': (_q, s) => s.end(html('target')),
  '/frame-host': (_q, s) => s.end(html('<iframe id="f" src="/redirect"></iframe>')),
  '/popup-opener': (_q, s) => s.end(html('<a id="pop" href="/next" target="_blank">pop</a><button id="open" onclick="window.open(\'/target\', \'named\', \'width=300\')">open</button>')),
  '/image-page': (_q, s) => s.end(html('<img src="/pixel.png">')),
  '/pixel.png': (_q, s) => s.writeHead(404).end(),
}

export async function startSite(): Promise<Site> {
  const hits: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname
    hits.push(`${request.method} ${path}`)
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    const page = pages[path]
    if (page) page(request, response)
    else response.writeHead(404).end(html('not found'))
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      }),
  }
}

/** A sandboxed-style preload: one API object through contextBridge, invoke and events. */
export function writePreload(): string {
  const dir = mkdtempSync(join(tmpdir(), 'standin-preload-'))
  const file = join(dir, 'preload.cjs')
  writeFileSync(
    file,
    `const { contextBridge, ipcRenderer } = require('electron');
const seen = [];
ipcRenderer.on('news', (_event, payload) => seen.push(payload));
contextBridge.exposeInMainWorld('api', {
  ping: (value) => ipcRenderer.invoke('ping', value),
  missing: () => ipcRenderer.invoke('no-such-channel'),
  seen: () => seen.slice(),
  canRequire: (name) => { try { require(name); return true } catch { return false } },
});`,
  )
  return file
}

/** A loopback port nothing listens on: a connection to it is refused (ERR_CONNECTION_REFUSED). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((done) => server.close(() => done()))
  return port
}
