// The calls each window has running, so each gets an AbortSignal that aborts when the page cancels
// it (app.cancelCall, by the id the page gave it) or when the window goes away: a closed or
// navigated page can no longer read the answer, so the work for it stops (a console request is torn
// down, a detail fetch stops). Windows are told apart by a number (Electron's webContents id); a
// page can only ever name its own window's calls.
import { AppError } from '../../common/errors'

export interface OpenCall {
  readonly signal: AbortSignal
  /** The call answered: forget it (its id may be used again). */
  end(): void
}

/** One window's view: what the router needs for each call. */
export interface WindowCalls {
  begin(callId: string | undefined): OpenCall
  cancel(callId: string): boolean
}

interface Running {
  id: string | undefined
  controller: AbortController
}

export class CallRegistry {
  private readonly windows = new Map<number, Set<Running>>()

  forWindow(window: number): WindowCalls {
    return { begin: (callId) => this.begin(window, callId), cancel: (callId) => this.cancel(window, callId) }
  }

  begin(window: number, callId: string | undefined): OpenCall {
    const running: Running = { id: callId, controller: new AbortController() }
    let calls = this.windows.get(window)
    if (!calls) this.windows.set(window, (calls = new Set()))
    calls.add(running)
    return {
      signal: running.controller.signal,
      end: () => {
        calls.delete(running)
        if (calls.size === 0 && this.windows.get(window) === calls) this.windows.delete(window)
      },
    }
  }

  /** The page cancelled: every running call of this window with that id is aborted. */
  cancel(window: number, callId: string): boolean {
    let found = false
    for (const running of this.windows.get(window) ?? []) {
      if (running.id !== callId) continue
      found = true
      running.controller.abort(new AppError('CANCELLED', 'Cancelled.'))
    }
    return found
  }

  /** The window closed or its page was replaced: abort everything it still waits for. */
  abandon(window: number, why: string): void {
    const calls = this.windows.get(window)
    if (!calls) return
    this.windows.delete(window)
    for (const running of calls) running.controller.abort(new AppError('CANCELLED', `Cancelled: ${why}.`))
  }

  /** Calls still running (tests, diagnostics). */
  running(window: number): number {
    return this.windows.get(window)?.size ?? 0
  }
}
