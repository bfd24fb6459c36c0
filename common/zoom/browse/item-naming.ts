// How a row of a parent list reads for a person who picks one value of a path parameter: its name
// and e-mail, and the id it gives as the value. Which properties name a row comes from the
// list's item schema (a call queue's `name`, a contact-center queue's `queue_name`, a user's
// `display_name` or first and last name, an `email`), so a list we never wrote notes for still
// reads well; a built-in list read before Zoom's files falls back to the usual Zoom names.
import type { JsonSchema } from '../api/types'

export interface ItemNaming {
  /** Properties naming the row, best first. */
  names: readonly string[]
  /** Properties holding an e-mail address, best first. */
  emails: readonly string[]
}

/** A row offered by the path-value picker: the value it gives, and what names it for a person. */
export interface NamedItem {
  value: string
  name?: string
  email?: string
}

/** What a built-in list's rows are named by when its schema is not known yet. */
const FALLBACK: ItemNaming = { names: ['name', 'display_name', 'topic'], emails: ['email'] }

/** Names that are parts of a person's name: shown together, never one alone before `name`. */
const NAME_PARTS = ['first_name', 'last_name']

const isString = (schema: JsonSchema | undefined) => schema !== undefined && (schema.type === 'string' || schema.type === undefined)

/** The properties of an item schema that name a row and that hold its e-mail. */
export function itemNamingOf(itemProperties: Readonly<Record<string, JsonSchema>> | undefined): ItemNaming {
  if (!itemProperties) return FALLBACK
  const strings = Object.keys(itemProperties).filter((key) => isString(itemProperties[key]))
  const rank = (key: string) => (key === 'name' ? 0 : key === 'display_name' || key === 'displayName' ? 1 : key === 'topic' || key === 'title' ? 2 : 3)
  const names = strings.filter((key) => (['name', 'topic', 'title', 'displayName'].includes(key) || /(_name|Name)$/.test(key)) && !NAME_PARTS.includes(key) && !/^(file|user)_?name$/i.test(key)).sort((a, b) => rank(a) - rank(b))
  const emails = strings.filter((key) => key === 'email' || /(_email|Email)$/.test(key))
  return { names: NAME_PARTS.every((part) => strings.includes(part)) ? [...names, NAME_PARTS.join(' ')] : names, emails }
}

function text(row: Readonly<Record<string, unknown>>, key: string): string | undefined {
  // "first_name last_name": the person's whole name.
  const value = key.includes(' ') ? key.split(' ').map((part) => (typeof row[part] === 'string' ? row[part] : '')).join(' ').trim() : row[key]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** A row as the picker offers it; `value` is what fills the path parameter. */
export function namedItemOf(row: Readonly<Record<string, unknown>>, value: string, naming: ItemNaming): NamedItem {
  const name = naming.names.map((key) => text(row, key)).find((found) => found !== undefined)
  const email = naming.emails.map((key) => text(row, key)).find((found) => found !== undefined)
  return { value, ...(name !== undefined ? { name } : {}), ...(email !== undefined ? { email } : {}) }
}

/** How an item reads in the field once picked: its name, else its e-mail, else its value. */
export const itemLabel = (item: NamedItem) => item.name ?? item.email ?? item.value

/** Whether a picker item matches what the person typed: its name, e-mail or value contains it. */
export function itemMatches(item: NamedItem, needle: string): boolean {
  const lower = needle.trim().toLowerCase()
  return lower === '' || [item.name ?? '', item.email ?? '', item.value].some((part) => part.toLowerCase().includes(lower))
}
