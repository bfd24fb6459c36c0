// Which list a path parameter's values come from, worked out from the path templates alone.
//
// The rule: a parameter `{p}` whose template segments before it (`/rooms` for
// `/rooms/{roomId}/devices`) are themselves the path of a GET list the generic responder serves
// takes its values from that list's items: their `id`, or else the property named like the
// parameter (`roomId` → `room_id` or `roomId`), or else the one `…_id` property whose name and the
// parameter's end alike (`serviceId` ↔ `calendar_service_id`, `queueTemplateId` ↔ `template_id`).
// That list is the longest list path that is a prefix of the parameter's position; any shorter
// one names a different object (`/rooms` items are rooms, not the device profiles of
// `/rooms/{roomId}/device_profiles/{deviceProfileId}`). Nested lists chain:
// `/chat/users/{userId}/channels/{channelId}/members` takes `channelId` from that user's channels.
//
// Parameters naming a user (`userId`, `userIdentifier`, `email`) without such a list are the
// sandbox's own users: an id, an e-mail or `me`, as the hand-written endpoints take them.
// Anything else has no list in Zoom's files that names its values (`/meetings/{meetingId}/…`,
// whose meetings come from per-user lists, `/phone/call_history/{callLogId}`): the sandbox takes
// any value as existing, since it cannot know which ones would be.
import { objectProperties } from '../../../../common/zoom/api/parse'
import type { ApiOperation, JsonSchema } from '../../../../common/zoom/api/types'
import { effectiveSchema } from './values'

export type ParamLink =
  | { kind: 'list'; list: ApiOperation; keyProperty: string }
  | { kind: 'user' }
  | { kind: 'free' }

const USER_PARAMS = new Set(['userId', 'userIdentifier', 'email'])

export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
}

/** The schema of one item of a list operation's rows. */
export function itemSchemaOf(list: ApiOperation): JsonSchema {
  const key = list.listKey ?? ''
  // The rows of the alternative the answer is generated from, else of whichever declares them.
  const rows = (list.responseSchema && objectProperties(effectiveSchema(list.responseSchema))[key]) ?? objectProperties(list.responseSchema)[key]
  const items = rows?.items
  return items !== null && typeof items === 'object' && !Array.isArray(items) ? effectiveSchema(items as JsonSchema) : {}
}

function isScalar(schema: JsonSchema | undefined): schema is JsonSchema {
  const type = schema === undefined ? undefined : effectiveSchema(schema).type
  return type === 'string' || type === 'integer' || type === 'number'
}

/** The item property that carries the values of parameter `param`, if the items have one. */
export function keyPropertyFor(items: Record<string, JsonSchema>, param: string): string | undefined {
  if (isScalar(items.id)) return 'id'
  const snake = snakeCase(param)
  for (const name of [param, snake]) if (isScalar(items[name])) return name
  const candidates = Object.keys(items).filter((name) => name.endsWith('_id') && isScalar(items[name]) && (name.endsWith(snake) || snake.endsWith(name)))
  return candidates.length === 1 ? candidates[0] : undefined
}

export class LinkResolver {
  private readonly cache = new Map<string, ParamLink[]>()
  /** The property each list writes its ids into (its `id`, or the one its children look up). */
  private readonly keys = new Map<string, string | undefined>()

  constructor(private readonly lists: ReadonlyMap<string, ApiOperation>, private readonly templates: readonly string[]) {}

  /** One link per path parameter of `template`, in order. */
  linksOf(template: string): ParamLink[] {
    let links = this.cache.get(template)
    if (links === undefined) {
      const segments = template.split('/')
      links = []
      for (let i = 0; i < segments.length; i++) {
        const segment = segments[i]!
        if (!segment.startsWith('{')) continue
        links.push(this.link(segments.slice(0, i).join('/'), segment.slice(1, -1)))
      }
      this.cache.set(template, links)
    }
    return links
  }

  private link(prefix: string, param: string): ParamLink {
    const list = this.lists.get(prefix)
    if (list !== undefined) {
      const items = objectProperties(itemSchemaOf(list))
      const keyProperty = keyPropertyFor(items, param)
      if (keyProperty !== undefined) return { kind: 'list', list, keyProperty }
    }
    return USER_PARAMS.has(param) ? { kind: 'user' } : { kind: 'free' }
  }

  /** The property a list's items carry their ids in: `id`, or the one a child path looks them up by. */
  keyPropertyOf(list: ApiOperation): string | undefined {
    if (this.keys.has(list.path)) return this.keys.get(list.path)
    const items = objectProperties(itemSchemaOf(list))
    let key: string | undefined = isScalar(items.id) ? 'id' : undefined
    if (key === undefined) {
      const childPrefix = `${list.path}/{`
      for (const template of this.templates) {
        if (!template.startsWith(childPrefix)) continue
        const param = template.slice(childPrefix.length).split('}')[0]!
        key = keyPropertyFor(items, param)
        if (key !== undefined) break
      }
    }
    this.keys.set(list.path, key)
    return key
  }
}
