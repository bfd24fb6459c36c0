// Runs the REAL preload bundle (out/preload/index.cjs) in the page with a tiny stand-in for the
// `electron` module: contextBridge puts the API on window, ipcRenderer.invoke goes to the test
// process through a Playwright binding, and events come back through window.__zcEmit.

/** Script text for page.addInitScript: the shim followed by the preload bundle. */
export function preloadInitScript(preloadBundle: string): string {
  return `(() => {
  const listeners = new Map();
  Object.defineProperty(window, '__zcEmit', { value: (channel, payload) => {
    for (const listener of listeners.get(channel) ?? []) listener({}, payload);
  } });
  const electron = {
    contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: api, enumerable: true }) },
    ipcRenderer: {
      invoke: (channel, input) => window.__zcInvoke(channel, input),
      on: (channel, listener) => { const set = listeners.get(channel) ?? new Set(); set.add(listener); listeners.set(channel, set); },
      removeListener: (channel, listener) => { listeners.get(channel)?.delete(listener); },
    },
  };
  const module = { exports: {} };
  const require = (name) => { if (name === 'electron') return electron; throw new Error('The sandboxed preload may not require ' + name); };
  (function (require, module, exports) {
${preloadBundle}
  })(require, module, module.exports);
})();`
}
