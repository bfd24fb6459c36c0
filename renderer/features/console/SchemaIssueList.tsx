// Differences from one of Zoom's schemas, one per line: the JSON path, then what differs.
import type { SchemaIssue } from '../../../common/contract/index'

export function SchemaIssueList({ issues, label }: { issues: readonly SchemaIssue[]; label: string }) {
  return (
    <ul className="schema-issues" aria-label={label}>
      {issues.map((issue, i) => (
        <li key={`${issue.path}-${i}`}>
          <span className="mono">{issue.path || '$'}</span>: {issue.message}
        </li>
      ))}
    </ul>
  )
}
