// A Zoom scope name that may break after each colon: granular scopes such as
// cloud_recording:read:list_user_recordings:admin have no spaces, so without these break
// opportunities they either overflow a narrow column or break mid-word.
import { Fragment } from 'react'

export function ScopeName({ scope }: { scope: string }) {
  const parts = scope.split(':')
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              :<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  )
}
