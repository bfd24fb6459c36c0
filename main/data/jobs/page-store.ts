// The stores of one listing's pages, each running while the next page is fetched: the dataset
// worker writes page k while Zoom (and main's parse) make page k + 1. At most one page is being
// stored at a time. The listing's cursor moves past a page once the next is asked for, that is
// before its store has finished, so a store that fails puts the cursor back on its page: a later
// try asks for it again instead of going on without its rows.
import type { PageCursor } from '../../zoom'

type CursorPlace = Pick<PageCursor, 'pageToken' | 'pageNumber' | 'startIndex'>

export class PageStore {
  private pending: { done: Promise<void>; page: CursorPlace } | undefined

  /**
   * `oneAtATime`: each page is stored before the next is asked for, for a listing whose cursor
   * remembers the rows it gave (it cannot be put back without forgetting them).
   */
  constructor(
    private readonly cursor: PageCursor,
    private readonly oneAtATime: boolean,
  ) {}

  /** Starts storing the page just given (call `settled()` first); waits for it only one page at a time. */
  async store(done: Promise<void>): Promise<void> {
    if (this.pending) throw new Error('A page is still being stored: wait for settled() first.')
    if (this.oneAtATime) return done
    // The cursor is still on the page being stored: the listing moves it when the next is asked for.
    this.pending = { done, page: { pageToken: this.cursor.pageToken, pageNumber: this.cursor.pageNumber, startIndex: this.cursor.startIndex } }
    // Its failure is reported by settled(), not as an unhandled rejection meanwhile.
    done.catch(() => undefined)
  }

  /** Waits for the page being stored; if its store failed, puts the cursor back on it and throws. */
  async settled(): Promise<void> {
    const pending = this.pending
    this.pending = undefined
    if (!pending) return
    try {
      await pending.done
    } catch (error) {
      this.cursor.pageToken = pending.page.pageToken
      this.cursor.pageNumber = pending.page.pageNumber
      this.cursor.startIndex = pending.page.startIndex
      throw error
    }
  }
}
