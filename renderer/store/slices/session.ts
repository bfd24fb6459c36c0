// The session: app info, start-up, navigation, store problems and notices (toasts).
import type { StateCreator } from 'zustand'
import type { AppInfo, StoreProblem } from '../../../common/contract/index'
import { call, errorMessage, subscribe } from '../../ipc'
import type { Store } from '../types'

export type ConnectionTab = 'overview' | 'browse' | 'console' | 'events' | 'edit'
/** The kinds of Zoom app the guided setup knows (Server-to-Server, user-/admin-managed OAuth, public PKCE). */
export type AppKind = 's2s' | 'user' | 'admin' | 'public'
export type View =
  | { screen: 'home'; profileId?: undefined }
  | { screen: 'new'; profileId?: undefined; kind?: AppKind }
  | { screen: 'settings'; profileId?: undefined }
  | { screen: 'connection'; profileId: string; tab: ConnectionTab }

export interface Notice {
  id: number
  tone: 'info' | 'success' | 'error'
  title: string
  description?: string
}

export type BootState = 'idle' | 'loading' | 'ready' | 'failed'

export interface SessionState {
  appInfo: AppInfo | undefined
  bootState: BootState
  bootError: string | undefined
  problems: StoreProblem[]
  view: View
  notices: Notice[]
}

export interface SessionSlice extends SessionState {
  /** Loads the first data and subscribes to main's events; returns the unsubscribe function. */
  boot(): () => void
  navigate(view: View): void
  /** Shows a notice; its id lets the caller take it back when it no longer holds. */
  notify(notice: Omit<Notice, 'id'>): number
  dismissNotice(id: number): void
  /** A failure is reported as a notice; never throws. */
  dismissProblem(movedTo: string): Promise<void>
  /** Opens a web page in the system browser (main checks the scheme). */
  openExternal(url: string): Promise<void>
  /** Puts non-secret text on the clipboard through main (pages have no clipboard permission); throws when main refuses. */
  copyText(text: string): Promise<void>
}

export const getEmptySessionState = (): SessionState => ({
  appInfo: undefined,
  bootState: 'idle',
  bootError: undefined,
  problems: [],
  view: { screen: 'home' },
  notices: [],
})

let nextNoticeId = 1

export const createSessionSlice: StateCreator<Store, [], [], SessionSlice> = (set, get) => ({
  ...getEmptySessionState(),
  boot: () => {
    const s = get()
    // Subscribe before loading so nothing pushed during the first load is missed.
    const unsubscribers = [
      subscribe('auth.status', (status) => get().applyStatus(status)),
      subscribe('auth.timeline', (event) => get().appendTimeline(event)),
      subscribe('profiles.changed', ({ ids }) => void get().refreshProfiles(ids).catch(() => undefined)),
      subscribe('vault.status', (status) => {
        const wasLocked = get().vault?.state === 'locked'
        get().setVaultStatus(status)
        if (wasLocked && status.state === 'unlocked') void get().loadConnections().catch(() => undefined)
      }),
      subscribe('app.problem', (problem) => set((st) => ({ problems: [...st.problems.filter((p) => p.movedTo !== problem.movedTo), problem] }))),
      subscribe('data.job', (job) => get().applyJob(job)),
      subscribe('data.exportProgress', (progress) => get().applyExportProgress(progress)),
      subscribe('downloads.changed', (snapshot) => get().setDownloads(snapshot)),
      subscribe('updates.changed', (snapshot) => get().setUpdates(snapshot)),
    ]
    set({ bootState: 'loading', bootError: undefined })
    void (async () => {
      try {
        const [appInfo, problems] = await Promise.all([call('app.info', undefined), call('app.problems', undefined), s.loadSettings()])
        set({ appInfo, problems })
        s.setVaultStatus(appInfo.vault)
        // A locked vault may refuse some reads; the unlock screen loads them again after unlocking.
        await s.loadConnections().catch((error: unknown) => {
          if (appInfo.vault.state !== 'locked') throw error
        })
        set({ bootState: 'ready' })
      } catch (error) {
        set({ bootState: 'failed', bootError: errorMessage(error) })
      }
    })()
    return () => unsubscribers.forEach((off) => off())
  },
  navigate: (view) => set({ view }),
  notify: (notice) => {
    const id = nextNoticeId++
    set((st) => ({ notices: [...st.notices, { ...notice, id }] }))
    return id
  },
  dismissNotice: (id) => set((st) => ({ notices: st.notices.filter((n) => n.id !== id) })),
  dismissProblem: async (movedTo) => {
    try {
      set({ problems: await call('app.dismissProblem', { movedTo }) })
    } catch (error) {
      get().notify({ tone: 'error', title: 'Could not dismiss', description: errorMessage(error) })
    }
  },
  openExternal: async (url) => {
    try {
      await call('app.openExternal', { url })
    } catch (error) {
      get().notify({ tone: 'error', title: 'Could not open the browser', description: errorMessage(error) })
    }
  },
  copyText: (text) => call('app.copyText', { text }),
})
