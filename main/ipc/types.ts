import type { ChannelName, ChannelOutput, ParsedInput } from '../../common/contract'

export interface HandlerContext {
  /**
   * Aborted when the window that asked goes away (closed, reloaded, navigated) or the page cancels
   * the call (app.cancelCall); its reason is a CANCELLED AppError. Pass it on to got and to services.
   */
  signal?: AbortSignal
  /** Cancels another running call of the same window by its call id; true when one was running. */
  cancelCall?: (callId: string) => boolean
}

export type Handler<K extends ChannelName> = (input: ParsedInput<K>, context: HandlerContext) => Promise<ChannelOutput<K>> | ChannelOutput<K>

/** Every channel of the contract with its handler: the composition root must supply them all. */
export type Handlers = { [K in ChannelName]: Handler<K> }

/** The handlers of one domain, e.g. HandlersFor<'profiles'> = every `profiles.*` channel. */
export type HandlersFor<Prefix extends string> = { [K in Extract<ChannelName, `${Prefix}.${string}`>]: Handler<K> }
