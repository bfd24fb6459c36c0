// Every IPC call goes through here (DESIGN.md "main/ipc"): the sender is checked, the input is
// parsed from `unknown` with the contract's schema, and the result is returned as an envelope.
// Nothing that crosses back carries a stack trace or a secret. Each call gets an AbortSignal from
// its window's running calls (calls.ts), aborted when the page cancels it or goes away.
import { randomUUID } from 'node:crypto'
import type { ChannelName, Envelope } from '../../common/contract'
import { callIdSchema, channels } from '../../common/contract'
import { AppError } from '../../common/errors'
import { describeIssues, toFieldIssues } from '../../common/validation'
import type { Logger } from '../log/logger'
import { redactDeep } from '../log/redact'
import type { WindowCalls } from './calls'
import type { HandlerContext, Handlers } from './types'

/** What the transport knows about who called: enough to decide whether to trust it. */
export interface SenderInfo {
  /** URL of the frame that sent the message. */
  frameUrl: string
  /** The top frame of its window (not an iframe). */
  isMainFrame: boolean
  /** The window belongs to this app (created by our window factory). */
  isOurWindow: boolean
}

export interface RouterOptions {
  handlers: Handlers
  /** Origins our renderer is served from, e.g. `app://zoom-connect` or the dev server. */
  trustedOrigins: readonly string[]
  log: Logger
}

/** What the transport adds to a call: the page's id for it, and the sending window's running calls. */
export interface CallTransport {
  /** The bridge's second argument, unparsed (the page may send anything). */
  callId?: unknown
  calls?: WindowCalls
}

export interface Router {
  invoke(channel: string, sender: SenderInfo, rawInput: unknown, transport?: CallTransport): Promise<Envelope<unknown>>
  readonly channelNames: readonly ChannelName[]
}

const channelNames = Object.keys(channels) as ChannelName[]

/**
 * Replies that can carry text a server or the network wrote (connection statuses, timelines,
 * validation results, job and download errors, console history): redacted throughout. Other
 * replies hold the person's own data (profiles and their notes, Zoom's rows), which the
 * log-line patterns would rewrite ("Area code: 555"); only an `error` in them is redacted.
 */
const SERVER_TEXT_CHANNELS = ['data.crawl', 'data.cancel', 'data.jobs', 'app.problems', 'app.dismissProblem', 'console.history']
const SERVER_TEXT_NAMESPACES = ['auth.', 'downloads.', 'events.', 'updates.']
const carriesServerText = (channel: ChannelName) => SERVER_TEXT_NAMESPACES.some((namespace) => channel.startsWith(namespace)) || SERVER_TEXT_CHANNELS.includes(channel)
const isChannel = (name: string): name is ChannelName => Object.hasOwn(channels, name)

export function originOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined
  const parsed = new URL(url)
  // Custom schemes report origin "null"; rebuild it from scheme and host.
  return parsed.origin === 'null' ? `${parsed.protocol}//${parsed.host}` : parsed.origin
}

export function createRouter({ handlers, trustedOrigins, log }: RouterOptions): Router {
  const trusted = new Set(trustedOrigins)

  function senderProblem(sender: SenderInfo): string | undefined {
    if (!sender.isOurWindow) return 'not one of our windows'
    if (!sender.isMainFrame) return 'not the main frame'
    const origin = originOf(sender.frameUrl)
    if (!origin || !trusted.has(origin)) return `untrusted origin ${origin ?? '(unparseable)'}`
    return undefined
  }

  async function invoke(channel: string, sender: SenderInfo, rawInput: unknown, transport: CallTransport = {}): Promise<Envelope<unknown>> {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail(new AppError('UNKNOWN_CHANNEL', 'That operation does not exist.'))
    }
    const problem = senderProblem(sender)
    if (problem) {
      log.warn('rejected IPC call', { channel, problem })
      return fail(new AppError('FORBIDDEN_SENDER', 'This window may not call Zoom Connect.'))
    }
    const callId = transport.callId === undefined ? undefined : callIdSchema.safeParse(transport.callId)
    if (callId && !callId.success) {
      const issues = toFieldIssues(callId.error).map((issue) => ({ ...issue, path: 'callId' }))
      return fail(new AppError('VALIDATION', `The call id is not valid: ${describeIssues(issues)}`, { issues }))
    }
    const parsed = channels[channel].input.safeParse(rawInput)
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error)
      return fail(new AppError('VALIDATION', describeIssues(issues), { issues }))
    }
    const { calls } = transport
    const call = calls?.begin(callId?.data)
    try {
      const handler = handlers[channel] as (input: unknown, context: HandlerContext) => unknown
      const context: HandlerContext = call && calls ? { signal: call.signal, cancelCall: (id) => calls.cancel(id) } : {}
      const value = await handler(parsed.data, context)
      return { ok: true, value: redactReply(channel, value) }
    } catch (error) {
      if (error instanceof AppError) return fail(error)
      // Cancelled, and the handler let the abort itself through: the reason says why, typed.
      if (call?.signal.aborted && call.signal.reason instanceof AppError) return fail(call.signal.reason)
      // Unexpected: log (redacted) with a reference, tell the person only the reference.
      const ref = randomUUID().slice(0, 8)
      log.error('handler failed', { channel, ref, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) })
      return fail(new AppError('INTERNAL', `Something went wrong in Zoom Connect (reference ${ref}).`))
    } finally {
      call?.end()
    }
  }

  return { invoke, channelNames }
}

function fail(error: AppError): Envelope<never> {
  // Belt and braces: messages are written without secrets, but details quote servers
  // (zoomMessage) and anything may have slipped in: scrub every string.
  return { ok: false, error: redactDeep(error.toBridge()) }
}

function redactReply(channel: ChannelName, value: unknown): unknown {
  if (carriesServerText(channel)) return redactDeep(value)
  if (typeof value === 'object' && value !== null && 'error' in value) return { ...value, error: redactDeep(value.error) }
  return value
}
