'use client'

import { Icon } from '@/components/ui/icons'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'

/** Says that the saved design could not be restored and offers its raw data for download. */
export function SavedStateBanner() {
  const store = useEditorStoreApi()
  const issue = useEditorStore((s) => s.ui.savedStateIssue)
  if (!issue) return null
  const download = () => {
    const url = URL.createObjectURL(new Blob([issue.raw], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = 's6-designer-saved-state.json'
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <div className="banner banner-warning" role="alert" data-testid="saved-state-banner">
      <Icon name="warning" size={16} />
      <span className="banner-text">
        <strong>Your saved design could not be restored.</strong> {issue.message}
      </span>
      <button type="button" className="btn btn-default btn-sm" onClick={download}>
        <Icon name="download" size={14} />
        <span className="btn-label">Download the saved data</span>
      </button>
      <button
        type="button"
        className="btn btn-ghost btn-sm btn-icon"
        aria-label="Dismiss"
        onClick={() => store.getState().setSavedStateIssue(undefined)}
      >
        <Icon name="x" size={14} />
      </button>
    </div>
  )
}
