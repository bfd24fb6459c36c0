import { z } from 'zod'
import { CSV_SEPARATORS } from '../csv-separator'
import type { BridgeError } from '../errors'
import { DETAIL_RESOURCE_IDS } from '../zoom/resource-ids'
import { listPathOf } from '../zoom/browse/names'
import { isDotSegment } from '../zoom/paths'
import type { NamedItem } from '../zoom/browse/item-naming'
import { boundedRecord } from './bounded'
import { channel, idSchema, noInput, rowIndexesSchema } from './define'

/** Path and query parameters of a list (callQueueId, status, from, to, …); main checks them once against the list's description. */
const paramsSchema = boundedRecord(z.string().max(64), z.union([z.string().max(512), z.number(), z.boolean()]), { maxKeys: 30, maxChars: 8_000 })

export const crawlInputSchema = z
  .object({
    profileId: idSchema,
    /**
     * The list's GET path template exactly as Zoom's OpenAPI files write it
     * (`/phone/call_queues/{callQueueId}/members`); the built-in tab ids ('users', 'meetings', …)
     * are accepted as aliases and arrive in main as their path template.
     */
    resource: z
      .string()
      .min(1)
      .max(512)
      .transform((resource, context) => {
        const path = listPathOf(resource)
        if (path === undefined) context.addIssue({ code: 'custom', message: 'resource must be a GET path template such as /users/{userId}/recordings' })
        return path ?? resource
      }),
    /** Path parameters (e.g. callQueueId; one left out is filled from its parent list, for every row of it) and query parameters. */
    params: paramsSchema.default({}),
    /**
     * For `/users/{userId}/…` lists: the users to crawl; 'all' = every user of the account, 'me' =
     * the token's owner (the default), or named users by ID or e-mail (one user = a one-item list).
     * 'account' = the whole account in one listing, where Zoom has one (cloud recordings:
     * GET /accounts/me/recordings, when the grant allows it) instead of one listing per user.
     */
    users: z.union([z.literal('all'), z.literal('me'), z.literal('account'), z.array(z.string().trim().min(1).max(128)).max(100_000)]).optional(),
  })
  .strict()
export type CrawlInput = z.input<typeof crawlInputSchema>

export type JobState = 'running' | 'done' | 'cancelled' | 'failed'

export interface JobProgress {
  jobId: string
  datasetId: string
  profileId: string
  /** The list's path template. */
  resource: string
  state: JobState
  pages: number
  rows: number
  /** Zoom's total_records when it sends one (summed over the fan-out). */
  totalRecords?: number
  /** Fan-out: how many units are done out of how many. */
  unitsDone?: number
  unitsTotal?: number
  /** Fan-out: what a unit is, in the plural ("users", "call queues"), for the progress line. */
  unitNoun?: string
  rateLimitWaits: number
  /**
   * Units Zoom answered lack the plan this list needs (a user without the webinar add-on): they have
   * no rows, and the dataset is still complete. `reason` is Zoom's words ("Webinar plan is missing.").
   */
  withoutPlan?: { count: number; reason: string }
  /** Per-unit errors collected without stopping the rest (after their retries). */
  errors: { unit: string; error: BridgeError }[]
  /**
   * Set while the crawl waits because Zoom cannot be reached (several network errors in a row):
   * "Zoom is unreachable — retrying in N s" (N counted down from `retryAt`). Cleared when it goes on.
   */
  paused?: { reason: 'unreachable'; message: string; retryAt: number; retryInSeconds: number }
  /** Units waiting to be tried again after a transient failure (backoff). */
  retryingUnits?: number
  /** Live: a request is waiting out Zoom's rate limit (429 Retry-After or the pacing) until this time. */
  rateLimitedUntil?: number
  /** Units not fetched yet when the crawl stopped (Cancel, a rate-limit stop): `data.resume` fetches them. */
  pendingUnits?: number
  /** Units that failed for good: "Retry N failed" (`data.retryFailed`). */
  failedUnits?: number
  /** The crawl stopped short (pending or failed units): `data.resume` continues where it stopped. */
  resumable?: boolean
  startedAt: number
  finishedAt?: number
  error?: BridgeError
}

export const sortSchema = z.object({ column: z.string().min(1).max(128), direction: z.enum(['asc', 'desc']) }).strict()
/** Column path → is empty (true) or is not empty (false); bounded like the filters beside it. */
const emptyFilterSchema = boundedRecord(z.string().min(1).max(128), z.boolean(), { maxKeys: 100, maxChars: 20_000 })

export const filterSchema = z
  .object({
    /** Case-insensitive substring over every column of the row (shown or not) and coded values' labels. */
    text: z.string().max(500).optional(),
    /** Exact-ish match per column (case-insensitive substring). */
    columns: boundedRecord(z.string().max(128), z.string().max(500), { maxKeys: 100, maxChars: 20_000 }).optional(),
    /** Exact match per column, as the value's text (an event type that must not also match longer ones). */
    equals: boundedRecord(z.string().max(128), z.string().max(500), { maxKeys: 100, maxChars: 20_000 }).optional(),
    /**
     * Per column: true keeps only the rows whose value is empty (missing, null, '', [] or {}),
     * false only those whose value is not (0, false and "0" are values, never empty).
     */
    empty: emptyFilterSchema.optional(),
  })
  .strict()

export const rowsInputSchema = z
  .object({
    datasetId: idSchema,
    offset: z.number().int().min(0),
    limit: z.number().int().min(0).max(1000),
    sort: sortSchema.optional(),
    filter: filterSchema.optional(),
    /** Dotted paths of the columns to return; absent = the resource's default columns. */
    columns: z.array(z.string().min(1).max(128)).max(100).optional(),
  })
  .strict()
export type RowsInput = z.input<typeof rowsInputSchema>

export type Cell = string | number | boolean | null

export interface RowsWindow {
  datasetId: string
  offset: number
  /** Each row: its index in the dataset (for detail and selection) and the requested columns' values. */
  rows: { index: number; cells: Cell[] }[]
  columns: string[]
  total: number
  filteredTotal: number
}

export interface DatasetInfo {
  datasetId: string
  profileId: string
  resource: string
  rows: number
  /** Every dotted column path seen in the rows, for the column chooser. */
  availableColumns: string[]
  defaultColumns: string[]
  createdAt: number
  /** False while loading, or when the crawl stopped short or units failed; `missing` says what. */
  complete: boolean
  /** What the dataset lacks, in words ("3 users failed: a@x.com, …", "cancelled after 40 of 100 users"). */
  missing?: string[]
  /** When the person chose to keep it (epoch ms); absent: a temporary dataset, deleted when closed. */
  keptAt?: number
}

/** A dataset kept on disk by the person's choice, listed in Browse until it expires or is cleared. */
export interface KeptDataset {
  datasetId: string
  profileId: string
  resource: string
  rows: number
  /** When its rows were crawled (its age, and what expiry counts from). */
  createdAt: number
  keptAt: number
  complete: boolean
  missing?: string[]
  /** It remembers its crawl, so Refresh can crawl it again. */
  refreshable: boolean
  /** How its grid was shown when it was kept (sort, filter text, empty filters, columns), to show it so again. */
  view?: KeptView
}

/** A grid's view as a kept list remembers it. */
export const keptViewSchema = z
  .object({
    sort: sortSchema.optional(),
    filterText: z.string().max(500).optional(),
    /** The per-column "Empty" / "Not empty" filters, so a kept list opens showing the same rows. */
    empty: emptyFilterSchema.optional(),
    columns: z.array(z.string().min(1).max(128)).max(200).optional(),
  })
  .strict()
export type KeptView = z.infer<typeof keptViewSchema>

export interface ExportResult {
  path?: string
  rows: number
  bytes: number
  /** The dataset was incomplete when exported: what is missing (same as DatasetInfo.missing). */
  incomplete?: string[]
}

/** How far a dataset's export has got, sent while it runs ('data.exportProgress'). */
export interface ExportProgress {
  datasetId: string
  /** Rows written to the file so far. */
  written: number
  /** Rows the export writes in all. */
  total: number
}

export interface RateUsage {
  category: 'light' | 'medium' | 'heavy' | 'resource-intensive'
  plan: string
  limitPerSecond: number
  /** Requests in the last second. */
  used: number
  /** Requests made since start. */
  total: number
  throttledMs: number
  /** 429s seen from Zoom. */
  rejected: number
}

/** A user offered by the one-user picker's type-ahead. */
export interface UserMatch {
  id: string
  email: string
  name?: string
  /** Where it was found: a loaded users list of this connection, or Zoom's GET /users/{email or ID}. */
  source: 'dataset' | 'zoom'
}

export const findUsersInputSchema = z
  .object({
    profileId: idSchema,
    /** Part of an e-mail, name or ID; a whole e-mail or ID not in a loaded list is looked up at Zoom. */
    query: z.string().trim().min(1).max(256),
    limit: z.number().int().min(1).max(100).default(20),
  })
  .strict()

export type { NamedItem }

/** One page of a path parameter's parent list, as the path-value picker offers it. */
export interface PathValuesPage {
  /** The parent list's path template (`/phone/call_queues`). */
  parent: string
  /** Its rows as a person reads them: name or e-mail, and the value each gives. */
  items: NamedItem[]
  /** Asks for the next page; absent on the last one. */
  cursor?: string
  /** Zoom's total_records, when it says. */
  total?: number
}

export const pathValuesInputSchema = z
  .object({
    profileId: idSchema,
    /** The list being browsed, by path template (`/phone/call_queues/{callQueueId}/members`). */
    resource: z.string().min(1).max(512),
    /** The path parameter whose values to offer (`callQueueId`). */
    param: z.string().min(1).max(64),
    /** Values of the other path parameters, for a parent that needs them (an event's sessions). */
    pathValues: boundedRecord(z.string().max(64), z.string().trim().min(1).max(256).refine((value) => !isDotSegment(value), 'cannot be “.” or “..”'), { maxKeys: 10, maxChars: 2_000 }).optional(),
    /** The `cursor` of the previous page; absent for the first. */
    cursor: z.string().min(1).max(2_048).optional(),
  })
  .strict()

export const dataChannels = {
  'data.crawl': channel<JobProgress>()(crawlInputSchema),
  'data.cancel': channel<JobProgress>()(z.object({ jobId: idSchema }).strict()),
  /** Continues a stopped crawl (cancelled, stopped by a rate limit, failed) into the same dataset: pending and failed units. */
  'data.resume': channel<JobProgress>()(z.object({ jobId: idSchema }).strict()),
  /** Fetches again only the units that failed ("Retry N failed"), into the same dataset. */
  'data.retryFailed': channel<JobProgress>()(z.object({ jobId: idSchema }).strict()),
  'data.jobs': channel<JobProgress[]>()(z.object({ profileId: idSchema.optional() }).strict()),
  'data.dataset': channel<DatasetInfo>()(z.object({ datasetId: idSchema }).strict()),
  'data.rows': channel<RowsWindow>()(rowsInputSchema),
  /** One full row as Zoom returned it, for the detail drawer. */
  'data.row': channel<unknown>()(z.object({ datasetId: idSchema, index: z.number().int().min(0) }).strict()),
  'data.closeDataset': channel<void>()(z.object({ datasetId: idSchema }).strict()),
  /** A single object: user, meeting or webinar detail. */
  'data.detail': channel<unknown>()(
    z.object({ profileId: idSchema, resource: z.enum(DETAIL_RESOURCE_IDS), id: z.string().min(1).max(256), params: paramsSchema.optional() }).strict(),
  ),
  /** Streams the (sorted, filtered) dataset, or the selected rows of it, to a file the person picks. */
  'data.export': channel<ExportResult>()(
    z
      .object({
        datasetId: idSchema,
        /** NDJSON: one JSON row per line, for tools that stream. */
        format: z.enum(['csv', 'json', 'ndjson']),
        columns: z.array(z.string().min(1).max(128)).max(200).optional(),
        sort: sortSchema.optional(),
        filter: filterSchema.optional(),
        /** CSV cells as the grid labels coded values ('labels', the default: "Licensed") or as Zoom sent them ('raw': 2). JSON is always raw. */
        values: z.enum(['labels', 'raw']).optional(),
        /** CSV for Excel: starts with a UTF-8 byte-order mark so Excel reads accented names right. */
        excel: z.boolean().optional(),
        /** CSV: between fields (comma, semicolon or tab); absent: a comma, or for Excel the machine's list separator. */
        separator: z.enum(CSV_SEPARATORS).optional(),
        /**
         * Only these rows (the grid's selection, dataset indexes), in the sort's order, whether the
         * filter shows them or not; an index the dataset lacks is refused (VALIDATION).
         */
        rowIndexes: rowIndexesSchema.optional(),
      })
      .strict(),
  ),
  /** "Select all N": the dataset indexes of every row passing the filter, in view order. */
  'data.select': channel<{ indexes: number[]; total: number }>()(
    z.object({ datasetId: idSchema, sort: sortSchema.optional(), filter: filterSchema.optional() }).strict(),
  ),
  /**
   * How many of the selected rows (dataset indexes) the filter shows, so the Export dialog says
   * that selected rows the filter hides are exported too only when there are some.
   */
  'data.selectedShown': channel<{ shown: number }>()(z.object({ datasetId: idSchema, filter: filterSchema.optional(), rowIndexes: rowIndexesSchema }).strict()),
  'data.rateUsage': channel<RateUsage[]>()(z.object({ profileId: idSchema }).strict()),
  /** Type-ahead for the one-user target of per-user resources. */
  'data.findUsers': channel<UserMatch[]>()(findUsersInputSchema),
  /** Keeps the dataset on disk after it is closed (the person's choice), until it expires or is cleared. */
  'data.keep': channel<KeptDataset>()(z.object({ datasetId: idSchema, view: keptViewSchema.optional() }).strict()),
  /** Kept datasets, newest first (expired ones are deleted first). */
  'data.kept': channel<KeptDataset[]>()(z.object({ profileId: idSchema.optional() }).strict()),
  /** Opens a kept dataset in the grid. */
  'data.openKept': channel<DatasetInfo>()(z.object({ datasetId: idSchema }).strict()),
  /** Crawls a kept dataset again with the same input; the new crawl is kept in its place. */
  'data.refreshKept': channel<JobProgress>()(z.object({ datasetId: idSchema }).strict()),
  /** Deletes one kept dataset. */
  'data.forgetKept': channel<void>()(z.object({ datasetId: idSchema }).strict()),
  /** "Clear kept data": deletes every kept dataset. */
  'data.clearKept': channel<{ removed: number }>()(noInput),
  /** A page of the list a path parameter's values come from (read-only), for the path-value picker. */
  'data.pathValues': channel<PathValuesPage>()(pathValuesInputSchema),
}
