import type { ReactNode } from 'react'

export type CalloutKind = 'note' | 'tip' | 'warning'

const LABELS: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', warning: 'Warning' }

const ICONS: Record<CalloutKind, ReactNode> = {
  note: <path d="M12 8h.01M11 12h1v5h1M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18Z" />,
  tip: (
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.9V16h5v-.2c0-.8.4-1.5 1-1.9A6 6 0 0 0 12 3Z" />
  ),
  warning: (
    <path d="M12 9v4M12 17h.01M10.3 3.9 2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
  ),
}

/** A highlighted aside in a docs page: `<Note>`, `<Tip>` and `<Warning>` in MDX. */
export function Callout({
  kind,
  title,
  children,
}: {
  kind: CalloutKind
  title?: string
  children: ReactNode
}) {
  return (
    <aside className={`callout callout-${kind}`} role="note" aria-label={title ?? LABELS[kind]}>
      <svg
        className="callout-icon"
        viewBox="0 0 24 24"
        width="18"
        height="18"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        {ICONS[kind]}
      </svg>
      <div className="callout-body">
        <p className="callout-title">{title ?? LABELS[kind]}</p>
        {children}
      </div>
    </aside>
  )
}
