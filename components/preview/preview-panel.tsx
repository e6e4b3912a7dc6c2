'use client'

import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import type { PreviewTab } from '@/lib/store/types'

const TABS: { id: PreviewTab; label: string }[] = [
  { id: 'process-tree', label: 'Process tree' },
  { id: 'start-order', label: 'Start order' },
  { id: 'shutdown', label: 'Shutdown' },
  { id: 'files', label: 'Files' },
  { id: 'docs', label: 'Docs' },
]

/**
 * The preview dock under the canvas. Placeholder: the previews issue fills each tab. Open state
 * and tab live in the store's UI slice (`ui.previewOpen`, `ui.previewTab`).
 */
export function PreviewPanel() {
  const store = useEditorStoreApi()
  const open = useEditorStore((s) => s.ui.previewOpen)
  const tab = useEditorStore((s) => s.ui.previewTab)
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]
  return (
    <section className={`preview-dock${open ? ' is-open' : ''}`} aria-label="Previews">
      <div className="dock-tabs" role="tablist" aria-label="Preview">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={open && t.id === tab}
            className="dock-tab"
            onClick={() => store.getState().setPreviewTab(t.id)}
          >
            {t.label}
          </button>
        ))}
        <span className="dock-spacer" />
        <button
          type="button"
          className="btn btn-ghost btn-sm btn-icon"
          aria-label={open ? 'Collapse previews' : 'Expand previews'}
          aria-expanded={open}
          onClick={() => store.getState().setPreviewOpen(!open)}
        >
          <Icon name={open ? 'chevronDown' : 'chevronUp'} size={14} />
        </button>
      </div>
      {open ? (
        <div className="dock-body" role="tabpanel" aria-label={current?.label}>
          <p className="empty-note">The {current?.label.toLowerCase()} preview is coming soon.</p>
        </div>
      ) : null}
    </section>
  )
}
