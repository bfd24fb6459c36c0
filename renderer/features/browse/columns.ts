// Column labels and cell formatting from the catalog's column specs.
import type { Cell } from '../../../common/contract/index'
import type { ColumnSpec } from '../../../common/zoom/catalog'
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { formatBytes, formatCount, formatDateTime } from '../../shared/format'

export function columnSpec(resource: BrowseResource, path: string): ColumnSpec {
  return resource.defaultColumns.find((c) => c.path === path) ?? { path, label: humanise(path) }
}

/** `last_login_time` → "Last login time", `site.name` → "Site name". */
export function humanise(path: string): string {
  const words = path.replace(/[._]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

export function formatCell(spec: ColumnSpec, value: Cell): string {
  if (value === null || value === '') return ''
  if (spec.valueLabels && String(value) in spec.valueLabels) return spec.valueLabels[String(value)] ?? String(value)
  switch (spec.format) {
    case 'datetime':
      return typeof value === 'string' || typeof value === 'number' ? formatDateTime(value) : String(value)
    case 'bytes':
      return typeof value === 'number' ? formatBytes(value) : String(value)
    case 'minutes':
      return typeof value === 'number' ? `${value} min` : String(value)
    case 'seconds':
      return typeof value === 'number' ? `${value} s` : String(value)
    case 'number':
      return typeof value === 'number' ? formatCount(value) : String(value)
    case 'boolean':
      return value === true ? 'Yes' : value === false ? 'No' : String(value)
    default:
      return String(value)
  }
}

/** Numbers line up on the right. */
export const isNumeric = (spec: ColumnSpec) => spec.format === 'number' || spec.format === 'bytes' || spec.format === 'minutes' || spec.format === 'seconds'
