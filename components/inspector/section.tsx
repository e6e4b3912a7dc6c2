import type { ReactNode } from 'react'

/** A titled, collapsible group of fields. */
export function Section({
  title,
  children,
  open = true,
  summary,
}: {
  title: string
  children: ReactNode
  open?: boolean
  summary?: string
}) {
  return (
    <details className="section" open={open}>
      <summary className="section-title">
        <span>{title}</span>
        {summary ? <span className="section-summary">{summary}</span> : null}
      </summary>
      <div className="section-body">{children}</div>
    </details>
  )
}
