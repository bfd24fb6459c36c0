// The page side of a window's preload: the app's REAL preload bundle runs in every main-frame
// document of the window (Electron runs the preload in the main frame only unless
// nodeIntegrationInSubFrames), with `require('electron')` giving it contextBridge and
// ipcRenderer as a sandboxed preload gets them (docs/tutorial/sandbox.md: a sandboxed preload can
// require 'electron' and a few Node polyfills, nothing else).
//
// Not emulated: context isolation. The bundle runs in the page's own JavaScript world, so it
// could leak more than contextBridge exposes; the stand-in hides its own plumbing (it takes the
// IPC binding off `window` before the page's scripts run), but a preload that puts something on
// window itself would not be caught here as it is by Electron's isolated world.
// - ipcRenderer.invoke → the Playwright binding → ipcMain's handler, with the calling frame;
// - webContents.send → the dispatcher, a non-enumerable, non-configurable function under a name
//   drawn at random for each stand-in, the only way main reaches the page's listeners.

export function preloadInitScript(bundle: string, names: { binding: string; dispatcher: string }): string {
  return `(() => {
  if (window.top !== window) return;
  const binding = globalThis[${JSON.stringify(names.binding)}];
  delete globalThis[${JSON.stringify(names.binding)}];
  if (typeof binding !== 'function') return;
  const listeners = new Map();
  Object.defineProperty(globalThis, ${JSON.stringify(names.dispatcher)}, {
    value: (channel, args) => { for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer, senderId: 0 }, ...args); },
    enumerable: false, configurable: false, writable: false,
  });
  const notEmulated = (name) => () => { throw new Error('not emulated: ipcRenderer.' + name); };
  const ipcRenderer = {
    invoke: async (channel, ...args) => {
      const reply = await binding(String(channel), args);
      if (!reply.ok) throw new Error(reply.message);
      return reply.value;
    },
    on: (channel, listener) => { const set = listeners.get(channel) ?? new Set(); set.add(listener); listeners.set(channel, set); return ipcRenderer; },
    once: (channel, listener) => { const wrapped = (...a) => { ipcRenderer.removeListener(channel, wrapped); listener(...a); }; return ipcRenderer.on(channel, wrapped); },
    removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); return ipcRenderer; },
    off: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    removeAllListeners: (channel) => { if (channel === undefined) listeners.clear(); else listeners.delete(channel); return ipcRenderer; },
    send: notEmulated('send'), sendSync: notEmulated('sendSync'), sendToHost: notEmulated('sendToHost'), postMessage: notEmulated('postMessage'),
  };
  const contextBridge = {
    // contextBridge.md: the API lands on window under the key; an existing key cannot be replaced.
    exposeInMainWorld: (key, api) => {
      if (key in globalThis) throw new Error('Cannot bind an API on top of an existing property on the window object');
      Object.defineProperty(globalThis, key, { value: api, enumerable: true, configurable: false, writable: false });
    },
    exposeInIsolatedWorld: notEmulated('contextBridge.exposeInIsolatedWorld'),
  };
  const electron = { contextBridge, ipcRenderer };
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron' || name === 'electron/renderer') return electron;
    throw new Error("module not found: " + name);
  };
  (function (require, module, exports) {
${bundle}
  })(require, module, module.exports);
})();`
}
