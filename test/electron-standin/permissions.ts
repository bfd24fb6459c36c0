// Permission handlers enforced where Chromium consults them. Electron answers Chromium's
// permission questions with the session's handlers (shell/browser/electron_permission_manager.cc):
// a request (Notification.requestPermission, getUserMedia…) asks the request handler, granted
// when there is none; a status check (navigator.clipboard.writeText's clipboard-sanitized-write,
// Notification.permission, permissions.query) asks the check handler, true when there is none.
//
// CDP cannot ask Node at the moment a page uses a permission, so the stand-in asks both handlers
// when a document of an origin is about to load (its request is held until the answers are set)
// and tells Chromium the result for that origin with Browser.setPermission: granted when both
// say yes, denied otherwise. A handler that answers differently for two frames of one origin, or
// changes its mind later, is therefore not reproduced.
import type { CDPSession } from 'playwright-core'

// Electron's permission names (session.md, setPermissionRequestHandler) → Chromium's descriptors.
export const PERMISSION_DESCRIPTORS: Record<string, { name: string; sysex?: boolean; allowWithoutSanitization?: boolean }[]> = {
  'clipboard-sanitized-write': [{ name: 'clipboard-write' }],
  'clipboard-read': [{ name: 'clipboard-read' }],
  notifications: [{ name: 'notifications' }],
  media: [{ name: 'camera' }, { name: 'microphone' }],
  geolocation: [{ name: 'geolocation' }],
  midi: [{ name: 'midi' }],
  midiSysex: [{ name: 'midi', sysex: true }],
  'idle-detection': [{ name: 'idle-detection' }],
  'window-management': [{ name: 'window-management' }],
  'storage-access': [{ name: 'storage-access' }],
}

export type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: Record<string, unknown>) => void
export type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean

export interface PermissionHandlers {
  request: RequestHandler | null
  check: CheckHandler | null
}

/** Asks the handlers about every permission for one origin and tells Chromium the answers. */
export async function applyPermissions(
  browserSession: CDPSession,
  browserContextId: string,
  handlers: PermissionHandlers,
  target: { contents: unknown; origin: string; requestingUrl: string; isMainFrame: boolean },
): Promise<Record<string, 'granted' | 'denied' | 'prompt'>> {
  const decisions: Record<string, 'granted' | 'denied' | 'prompt'> = {}
  const details = { requestingUrl: target.requestingUrl, isMainFrame: target.isMainFrame }
  const set = (permission: string, setting: 'granted' | 'denied' | 'prompt') =>
    Promise.all(
      PERMISSION_DESCRIPTORS[permission]!.map((descriptor) =>
        browserSession.send('Browser.setPermission', { permission: descriptor, setting, origin: target.origin, browserContextId }),
      ),
    )
  await Promise.all(
    Object.keys(PERMISSION_DESCRIPTORS).map(async (permission) => {
      const checked = handlers.check ? handlers.check(target.contents, permission, target.origin, details) === true : true
      let requested: boolean | undefined = true
      if (handlers.request) {
        requested = undefined
        handlers.request(target.contents, permission, (granted) => {
          const late = requested === undefined && decisions[permission] === 'prompt'
          requested = granted === true
          // A handler that answers later (e.g. after asking the user) still decides.
          if (late) void set(permission, checked && requested ? 'granted' : 'denied').catch(() => {})
        }, { ...details, ...(permission === 'media' ? { mediaTypes: ['audio', 'video'] } : {}) })
      }
      decisions[permission] = requested === undefined ? 'prompt' : checked && requested ? 'granted' : 'denied'
      await set(permission, decisions[permission])
    }),
  )
  return decisions
}
