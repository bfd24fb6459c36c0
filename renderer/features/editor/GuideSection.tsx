// One numbered setup step: what to do in the Zoom Marketplace beside the fields it fills.
import type { ReactNode } from 'react'
import { useId } from 'react'

export function GuideSection({ number, title, body, action, children }: { number: number; title: string; body: string; action?: ReactNode; children?: ReactNode }) {
  const id = useId()
  return (
    <section className="guide-step" aria-labelledby={id}>
      <div className="guide-text">
        <div className="row">
          <span className="step-number" aria-hidden="true">
            {number}
          </span>
          <h2 id={id}>
            <span className="visually-hidden">Step {number}: </span>
            {title}
          </h2>
        </div>
        <p>{body}</p>
        {action}
      </div>
      <div className="guide-fields">{children}</div>
    </section>
  )
}
