'use client'

import { Icon } from '@/components/ui/icons'
import { useEditorStore } from './editor-store-provider'

/**
 * Says, for as long as it lasts, that the browser refuses to keep the design (its storage is
 * full, blocked or unavailable), and how to keep the work anyway.
 */
export function NotSavedBanner() {
  const notSaved = useEditorStore((s) => s.ui.notSaved)
  if (!notSaved) return null
  return (
    <div className="banner banner-warning" role="alert" data-testid="not-saved-banner">
      <Icon name="warning" size={16} />
      <span className="banner-text">
        <strong>This design is not being saved.</strong> The browser refuses to store it (its
        storage is full, or blocked for this site), so closing or reloading the page loses your
        changes. To keep them, use Share › Download graph JSON (or copy the link), or Download the
        zip.
      </span>
    </div>
  )
}
