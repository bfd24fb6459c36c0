// The page side of a window's preload: the app's REAL preload bundle runs in every main-frame
// document of the window (Electron runs the preload in the main frame only unless
// nodeIntegrationInSubFrames), with `require('electron')` giving it contextBridge and
// ipcRenderer as a sandboxed preload gets them (lib/sandboxed_renderer/init.ts: 'electron',
// 'electron/common', 'electron/renderer', and the Node polyfills 'events', 'timers', 'url';
// anything else throws "module not found: <name>", lib/sandboxed_renderer/preload.ts).
//
// Not emulated: the isolated world itself. The bundle runs in the page's own JavaScript world, so
// a preload that puts something on window itself would not be caught here as it is by Electron's
// isolated world; the stand-in hides its own plumbing (it takes the IPC binding off `window`
// before the page's scripts run). What crosses the bridge, though, is copied as Electron copies
// it (shell/renderer/api/electron_api_context_bridge.cc, PassValueToOtherContextInner; the table
// in docs/api/context-bridge.md), so the page never holds the preload's own objects:
// - functions become proxies; a call copies its arguments in and its return value out, and an
//   exception thrown inside reaches the caller as a plain `Error` with the message only (name,
//   class and custom properties such as `code` are lost);
// - promises become new promises, settled with the copied value; a rejection value is copied too
//   (an Error again keeps only its message);
// - Errors become `new Error(message)`;
// - arrays are copied element by element; plain objects, and instances of any class, are copied as
//   plain objects of their own enumerable properties (getters are read once; the prototype is
//   dropped); Elements and Blobs pass as they are;
// - Date, RegExp, Map, Set, typed arrays, ArrayBuffer and boxed primitives are structured-cloned;
//   what cannot be cloned throws "An object could not be cloned." (shell/common/v8_util.cc);
// - the exposed API is deep-frozen and set read-only, non-configurable on window (ExposeAPI).
// Not emulated: a Proxy object (Electron sends it to the serializer, which refuses it; the stand-in
// cannot tell a Proxy from the object behind it and copies it as a plain object).
//
// ipcRenderer.invoke serializes its arguments with V8's own serializer, without Blink's host
// objects (electron_api_ipc_renderer.cc Invoke → electron::SerializeV8Value): functions, symbols,
// promises, WeakMaps and DOM objects (a Blob, a File, an Element, ImageData…) make it reject with
// "An object could not be cloned."; a handler's error reaches the page as
// "Error invoking remote method '<channel>': <error>" (lib/renderer/api/ipc-renderer.ts).
// Values the stand-in's transport (Playwright's binding) cannot carry faithfully, Map, Set,
// ArrayBuffer, DataView and boxed primitives, are refused with "not emulated".
// - ipcRenderer.invoke → the Playwright binding → ipcMain's handler, with the calling frame;
// - webContents.send → the dispatcher, a non-enumerable, non-configurable function under a name
//   drawn at random for each stand-in, the only way main reaches the page's listeners.

export function preloadInitScript(bundle: string, names: { binding: string; dispatcher: string }, options: { contextIsolation: boolean } = { contextIsolation: true }): string {
  return `(() => {
  if (window.top !== window) return;
  const binding = globalThis[${JSON.stringify(names.binding)}];
  delete globalThis[${JSON.stringify(names.binding)}];
  if (typeof binding !== 'function') return;
${BRIDGE_COPY}
  const listeners = new Map();
  Object.defineProperty(globalThis, ${JSON.stringify(names.dispatcher)}, {
    value: (channel, args) => { for (const listener of [...(listeners.get(channel) ?? [])]) listener({ sender: ipcRenderer, senderId: 0 }, ...args); },
    enumerable: false, configurable: false, writable: false,
  });
  const notEmulated = (name) => () => { throw new Error('not emulated: ipcRenderer.' + name); };
  const ipcRenderer = {
    invoke: async (channel, ...args) => {
      checkIpcArguments(args);
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
    // contextBridge.md / ExposeAPI: an existing key cannot be replaced; the API is copied, deep-frozen
    // and set read-only and non-configurable on window.
    exposeInMainWorld: (key, api) => {
      // lib/renderer/api/context-bridge.ts checkContextIsolationEnabled.
      if (!${JSON.stringify(options.contextIsolation)}) throw new Error('contextBridge API can only be used when contextIsolation is enabled');
      if (key in globalThis) throw new Error('Cannot bind an API on top of an existing property on the window object');
      const copy = passToOtherWorld(api, new Map(), 0, globalThis);
      if (copy !== null && (typeof copy === 'object' || typeof copy === 'function') && !ArrayBuffer.isView(copy)) deepFreeze(copy, new Set());
      Object.defineProperty(globalThis, key, { value: copy, enumerable: true, configurable: false, writable: false });
    },
    exposeInIsolatedWorld: notEmulated('contextBridge.exposeInIsolatedWorld'),
    executeInMainWorld: notEmulated('contextBridge.executeInMainWorld'),
  };
  const electron = { contextBridge, ipcRenderer };
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron' || name === 'electron/common' || name === 'electron/renderer') return electron;
    if (['events', 'node:events', 'timers', 'node:timers', 'url', 'node:url'].includes(name)) throw new Error('not emulated: require(' + JSON.stringify(name) + ') in a sandboxed preload');
    throw new Error("module not found: " + name);
  };
  (function (require, module, exports) {
${bundle}
  })(require, module, module.exports);
})();`
}

/** Page-side helpers: contextBridge's copy between worlds and the IPC serializer's refusals. */
const BRIDGE_COPY = String.raw`
  const CLONE_ERROR = 'An object could not be cloned.';
  const toTag = (value) => Object.prototype.toString.call(value);
  const hasBrand = (method, value, ...args) => { try { method.call(value, ...args); return true; } catch { return false; } };
  const getterOf = (proto, name) => Object.getOwnPropertyDescriptor(proto, name).get;
  const isNativeError = (value) => (typeof Error.isError === 'function' ? Error.isError(value) : toTag(value) === '[object Error]');
  const isMap = (value) => hasBrand(Map.prototype.has, value, undefined);
  const isSet = (value) => hasBrand(Set.prototype.has, value, undefined);
  const isArrayBuffer = (value) => hasBrand(getterOf(ArrayBuffer.prototype, 'byteLength'), value);
  const isBoxed = (value) => [Boolean, Number, String, BigInt, Symbol].some((type) => hasBrand(type.prototype.valueOf, value));
  const isSerializedBuiltin = (value) =>
    ArrayBuffer.isView(value) || isArrayBuffer(value) || isMap(value) || isSet(value) || isBoxed(value) ||
    hasBrand(Date.prototype.getTime, value) || hasBrand(getterOf(RegExp.prototype, 'source'), value) ||
    hasBrand(WeakMap.prototype.has, value, {}) || hasBrand(WeakSet.prototype.has, value, {}) ||
    ['[object Arguments]', '[object Map Iterator]', '[object Set Iterator]', '[object Generator]', '[object Module]', '[object SharedArrayBuffer]'].includes(toTag(value));
  const isPassedByReference = (value) => value instanceof Element || value instanceof Blob || (typeof VideoFrame === 'function' && value instanceof VideoFrame);
  const messageOf = (error) => (error !== null && typeof error === 'object' && typeof error.message === 'string' ? error.message : undefined);
  const proxies = new WeakMap();

  // PassValueToOtherContextInner: one value from one world to the other.
  function passToOtherWorld(value, cache, depth, receiver) {
    if (depth >= 1000) throw new TypeError('Electron contextBridge recursion depth exceeded.  Nested objects deeper than 1000 are not supported.');
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (cache.has(value)) return cache.get(value);
    if (typeof value === 'function') {
      // A proxy sent back over the bridge is its original again.
      if (proxies.has(value)) return proxies.get(value);
      const proxy = function () {
        const args = [];
        const argumentCache = new Map();
        for (const argument of arguments) args.push(passToOtherWorld(argument, argumentCache, 0, globalThis));
        let result;
        try {
          result = Reflect.apply(value, receiver, args);
        } catch (error) {
          throw new Error(messageOf(error) ?? 'An unknown exception occurred in the isolated context, an error occurred but a valid exception was not thrown.');
        }
        try {
          return passToOtherWorld(result, new Map(), 0, globalThis);
        } catch (error) {
          throw new Error('Uncaught ' + String(error));
        }
      };
      proxies.set(proxy, value);
      cache.set(value, proxy);
      return proxy;
    }
    if (value instanceof Promise) {
      const settle = (outcome, done, fail) => {
        let copy;
        try {
          copy = passToOtherWorld(outcome, new Map(), 0, globalThis);
        } catch (error) {
          return fail(new Error('Uncaught ' + String(error)));
        }
        done(copy);
      };
      const proxied = new Promise((resolve, reject) => {
        Promise.prototype.then.call(value, (result) => settle(result, resolve, reject), (reason) => settle(reason, reject, reject));
      });
      cache.set(value, proxied);
      return proxied;
    }
    if (isNativeError(value)) {
      const message = value.message;
      return new Error(typeof message === 'string' ? message : 'Uncaught ' + String(value));
    }
    if (Array.isArray(value)) {
      const copy = [];
      for (let i = 0; i < value.length; i++) copy[i] = passToOtherWorld(value[i], cache, depth + 1, value);
      cache.set(value, copy);
      return copy;
    }
    if (isPassedByReference(value)) return value;
    if (!isSerializedBuiltin(value)) {
      // CreateProxyForAPI: own enumerable keys, values read with [[Get]], prototype dropped.
      const copy = {};
      cache.set(value, copy);
      for (const key of Reflect.ownKeys(value)) {
        if (!Object.prototype.propertyIsEnumerable.call(value, key)) continue;
        Object.defineProperty(copy, key, { value: passToOtherWorld(value[key], cache, depth + 1, value), enumerable: true, writable: true, configurable: true });
      }
      return copy;
    }
    let cloned;
    try {
      cloned = structuredClone(value);
    } catch {
      throw new Error(CLONE_ERROR);
    }
    cache.set(value, cloned);
    return cloned;
  }

  // DeepFreeze (extensions/renderer/v8_schema_registry.cc, as ExposeAPI uses it).
  function deepFreeze(object, frozen) {
    if (frozen.has(object)) return;
    frozen.add(object);
    for (const key of Object.getOwnPropertyNames(object)) {
      const child = object[key];
      if (child !== null && (typeof child === 'object' || typeof child === 'function') && !ArrayBuffer.isView(child)) deepFreeze(child, frozen);
    }
    Object.freeze(object);
  }

  // A DOM (or other host) object: V8's serializer hands it to Electron's delegate, which refuses it.
  const isHostObject = (value) => {
    for (let proto = Object.getPrototypeOf(value); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
      const constructor = Object.prototype.hasOwnProperty.call(proto, 'constructor') ? proto.constructor : undefined;
      if (typeof constructor === 'function' && Function.prototype.toString.call(constructor).includes('[native code]')) return true;
    }
    return false;
  };

  // What electron::SerializeV8Value refuses, then what the stand-in's transport cannot carry.
  function checkIpcArguments(args) {
    const seen = new Set();
    const notEmulated = (what) => { throw new Error('not emulated: ' + what + ' in ipcRenderer.invoke arguments (the Electron stand-in cannot carry it faithfully)'); };
    const visit = (value) => {
      if (typeof value === 'function' || typeof value === 'symbol') throw new Error(CLONE_ERROR);
      if (value === null || typeof value !== 'object' || seen.has(value)) return;
      seen.add(value);
      if (ArrayBuffer.isView(value)) return toTag(value) === '[object DataView]' ? notEmulated('a DataView') : undefined;
      if (hasBrand(Date.prototype.getTime, value) || hasBrand(getterOf(RegExp.prototype, 'source'), value)) return;
      if (isNativeError(value)) return;
      if (Array.isArray(value)) { for (const key of Object.keys(value)) visit(value[key]); return; }
      if (isMap(value)) { for (const [k, v] of value) { visit(k); visit(v); } return notEmulated('a Map'); }
      if (isSet(value)) { for (const v of value) visit(v); return notEmulated('a Set'); }
      if (isArrayBuffer(value)) return notEmulated('an ArrayBuffer');
      if (isBoxed(value)) return notEmulated('a boxed primitive');
      if (value instanceof Promise || isSerializedBuiltin(value) || isHostObject(value)) throw new Error(CLONE_ERROR);
      for (const key of Object.keys(value)) visit(value[key]);
    };
    try {
      structuredClone(args);
    } catch {
      throw new Error(CLONE_ERROR);
    }
    visit(args);
  }
`
