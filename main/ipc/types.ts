import type { ChannelName, ChannelOutput, ParsedInput } from '../../common/contract'

export interface HandlerContext {
  /** Aborted when the window that asked goes away (where the transport supports it). */
  signal?: AbortSignal
}

export type Handler<K extends ChannelName> = (input: ParsedInput<K>, context: HandlerContext) => Promise<ChannelOutput<K>> | ChannelOutput<K>

/** Every channel of the contract with its handler: the composition root must supply them all. */
export type Handlers = { [K in ChannelName]: Handler<K> }

/** The handlers of one domain, e.g. HandlersFor<'profiles'> = every `profiles.*` channel. */
export type HandlersFor<Prefix extends string> = { [K in Extract<ChannelName, `${Prefix}.${string}`>]: Handler<K> }
