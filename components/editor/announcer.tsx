'use client'

import { useEditorStore } from './editor-store-provider'

/**
 * Tells a screen reader, politely, what an action without a notice did (undo, a dependency
 * added, a download). Keyed by the announcement, so the same words said twice are said twice.
 */
export function Announcer() {
  const announcement = useEditorStore((s) => s.ui.announcement)
  return (
    <div className="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {announcement ? <span key={announcement.nonce}>{announcement.text}</span> : null}
    </div>
  )
}
