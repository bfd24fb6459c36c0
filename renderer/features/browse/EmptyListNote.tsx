// A load that finished with no rows: an empty grid alone leaves the person guessing whether the
// app failed. Says Zoom answered with nothing and what may find rows: on Meetings, which Zoom
// lists as scheduled meetings unless Type says otherwise, the type that lists meetings that took
// place; on a dated list, a wider range.
import type { BrowseResource } from '../../../common/zoom/browse/browse-resource'
import { LIST_RESOURCES } from '../../../common/zoom/catalog'
import { dateRangeParams } from './date-presets'
import type { ParamValues } from './ParamsForm'

const MEETINGS = LIST_RESOURCES.meetings.path

export function EmptyListNote({ resource, values }: { resource: BrowseResource; values: ParamValues }) {
  const hints: string[] = []
  if (resource.id === MEETINGS && values.type !== 'previous_meetings') hints.push('Zoom lists scheduled meetings unless Type says otherwise: for meetings that took place, choose Type previous_meetings and load again.')
  const range = dateRangeParams(resource)
  if (range && (values[range.from] || values[range.to])) hints.push(resource.perUser ? 'Try a wider date range (From and To), or another user.' : 'Try a wider date range (From and To).')
  else if (resource.perUser) hints.push('Try another user.')
  return (
    <div className="callout callout-row" role="status">
      <span>Zoom listed no rows for these choices. {hints.join(' ')}</span>
    </div>
  )
}
