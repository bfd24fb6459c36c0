// The console's parameter form, as data: one field per documented path, query and header
// parameter, typed from its schema (numbers, booleans, dates, enums as choices), with its default
// and whether it is required. Values live in the draft's query and header rows (by name), so the
// Query and Headers tabs and the form always agree, and a history entry restores both.
import { plainText } from '../../../common/zoom/api/plain-text'
import type { ApiOperation, ApiParam } from '../../../common/zoom/api/types'
import type { KeyValue } from '../../store/slices/console'

export type FieldKind = 'text' | 'integer' | 'number' | 'boolean' | 'enum' | 'date' | 'date-time'

export interface ParamField {
  name: string
  in: ApiParam['in']
  kind: FieldKind
  required: boolean
  /** The choices of an enum (as text, as they go into a URL). */
  choices?: string[]
  /** The documented default, as text ('' when there is none). */
  defaultText: string
  minimum?: number
  maximum?: number
  description?: string
  deprecated: boolean
}

/** Parameters the console sets itself: the paging cursor comes from "Next page". */
const MANAGED = new Set(['next_page_token'])

function kindOf(param: ApiParam): FieldKind {
  const schema = param.schema
  if (param.enum && param.enum.length > 0) return 'enum'
  if (param.type === 'boolean') return 'boolean'
  if (param.type === 'integer') return 'integer'
  if (param.type === 'number') return 'number'
  if (schema.format === 'date') return 'date'
  if (schema.format === 'date-time') return 'date-time'
  return 'text'
}

export function fieldsOf(operation: Pick<ApiOperation, 'params'>): ParamField[] {
  return operation.params
    .filter((p) => !MANAGED.has(p.name))
    .map((param) => {
      const kind = kindOf(param)
      const { minimum, maximum } = param.schema
      return {
        name: param.name,
        in: param.in,
        kind,
        required: param.required,
        ...(kind === 'enum' ? { choices: (param.enum ?? []).map(String) } : kind === 'boolean' ? { choices: ['true', 'false'] } : {}),
        defaultText: param.default === undefined || param.default === null ? '' : String(param.default),
        ...(typeof minimum === 'number' ? { minimum } : {}),
        ...(typeof maximum === 'number' ? { maximum } : {}),
        ...(param.description ? { description: plainText(param.description) } : {}),
        deprecated: param.deprecated === true,
      }
    })
}

/** The value of the row named `name` ('' when there is none). */
export function valueOf(rows: readonly KeyValue[], name: string): string {
  return rows.find((row) => row.name === name)?.value ?? ''
}

/** The rows with `name` set to `value` (in place when there is a row already), or removed when `value` is ''. */
export function withValue(rows: readonly KeyValue[], name: string, value: string): KeyValue[] {
  if (value === '') return rows.filter((row) => row.name !== name)
  const first = rows.findIndex((row) => row.name === name)
  if (first < 0) return [...rows, { name, value }]
  // A name given twice (an array as repeated pairs) becomes the one value the field shows, not that value twice.
  return rows.flatMap((row, i) => (row.name !== name ? [row] : i === first ? [{ name, value }] : []))
}

/** What is wrong with a field's value before sending ('' when nothing): a required one left empty, a number that is not one. */
export function fieldProblem(field: ParamField, value: string): string {
  if (value.trim() === '') return field.required && field.in !== 'path' ? `${field.name} is required` : ''
  if (field.kind === 'integer' && !/^-?\d+$/.test(value.trim())) return `${field.name} must be a whole number`
  if (field.kind === 'number' && !Number.isFinite(Number(value))) return `${field.name} must be a number`
  const n = Number(value)
  if ((field.kind === 'integer' || field.kind === 'number') && field.minimum !== undefined && n < field.minimum) return `${field.name} must be at least ${field.minimum}`
  if ((field.kind === 'integer' || field.kind === 'number') && field.maximum !== undefined && n > field.maximum) return `${field.name} must be at most ${field.maximum}`
  if (field.choices && field.kind !== 'text' && !field.choices.includes(value)) return `${field.name} must be one of ${field.choices.join(', ')}`
  return ''
}
