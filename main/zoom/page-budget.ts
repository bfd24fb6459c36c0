// How many pages one listing may take before it is stopped as a server that never ends: one
// that hands out a new, distinct next_page_token forever, or a page_count that keeps growing.
// A token seen before already ends a listing (paginate.ts); this bounds the ones that never repeat.
import { AppError } from '../../common/errors'

/**
 * Without a total_records to go by. At the page sizes the app asks for (Zoom's largest: 300 for
 * most lists, up to 2,000 for users) 100,000 pages are 30 to 200 million rows, past any account
 * (datasets are planned for 10 million rows), and at a Medium list's ~20 requests a second more
 * than an hour of one listing: a server still paging then is not sending data.
 */
export const MAX_PAGES = 100_000

/**
 * Slack over the pages total_records announces: records added while the crawl runs, pages Zoom
 * fills less than page_size, a restart after an expired token. Twice the expected count plus 100
 * pages is far more than any of those, and still stops an endless server within minutes.
 */
const BUDGET_FACTOR = 2
const BUDGET_EXTRA_PAGES = 100

interface FirstPage {
  /** total_records of the first page, when Zoom gave one. */
  totalRecords: unknown
  /** page_size Zoom echoed, when it did. */
  pageSize: unknown
  /** page_size the listing asked for. */
  requested: number | undefined
  /** Rows on the first page. */
  rows: number
}

/**
 * Pages one pass through a listing may take, judged from its first page: from total_records over
 * the smallest page size seen (asked, echoed, or the first page's rows: a smaller one only makes
 * the budget larger), with the slack above; MAX_PAGES without a usable total.
 */
function pageBudget(first: FirstPage): number {
  const total = first.totalRecords
  if (typeof total !== 'number' || !Number.isFinite(total) || total < 0) return MAX_PAGES
  const sizes = [first.requested, first.pageSize, first.rows].filter((size): size is number => typeof size === 'number' && Number.isFinite(size) && size > 0)
  if (sizes.length === 0) return MAX_PAGES
  const expected = Math.ceil(total / Math.min(...sizes))
  return Math.min(MAX_PAGES, expected * BUDGET_FACTOR + BUDGET_EXTRA_PAGES)
}

/** Throws once a pass has taken more pages than its budget. */
function checkPageBudget(pages: number, budget: number, path: string, first: FirstPage): void {
  if (pages <= budget) return
  const said = typeof first.totalRecords === 'number' ? ` although it said there were ${first.totalRecords} records` : ''
  throw new AppError('ZOOM_RESPONSE_INVALID', `Zoom kept sending more pages of ${path}${said}; stopped after ${budget} pages so the listing does not go on forever.`)
}

/**
 * The pages of one pass through a listing against the budget its first page sets. A listing
 * restarted from its first page (an expired page token) begins a new pass.
 */
export class PassPages {
  private first: FirstPage | undefined
  private budget = 0
  private pages = 0

  constructor(
    private readonly path: string,
    private readonly requested: number | undefined,
  ) {}

  /** Counts a page of the pass; throws ZOOM_RESPONSE_INVALID once the pass has taken more than its budget. */
  take(envelope: Readonly<Record<string, unknown>>, rows: number): void {
    if (this.first === undefined) {
      this.first = { totalRecords: envelope.total_records, pageSize: envelope.page_size, requested: this.requested, rows }
      this.budget = pageBudget(this.first)
    }
    checkPageBudget(++this.pages, this.budget, this.path, this.first)
  }

  restart(): void {
    this.first = undefined
    this.pages = 0
  }
}
