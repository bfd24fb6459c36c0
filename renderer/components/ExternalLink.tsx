// A link opened in the system browser by main (app.openExternal), never inside the app window.
import type { ReactNode } from 'react'
import { useStore } from '../store/index'
import { ExternalIcon } from './icons'

export function ExternalLink({ href, children, className = 'btn btn-small' }: { href: string; children: ReactNode; className?: string }) {
  const openExternal = useStore((s) => s.openExternal)
  return (
    <a
      href={href}
      className={className}
      onClick={(event) => {
        event.preventDefault()
        void openExternal(href)
      }}
    >
      {children}
      <ExternalIcon size={13} />
      <span className="visually-hidden"> (opens in your browser)</span>
    </a>
  )
}
