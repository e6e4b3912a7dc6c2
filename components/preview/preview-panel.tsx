'use client'

import './preview.css'
import { useState } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { Icon } from '@/components/ui/icons'
import { tabKeys } from '@/components/ui/tab-keys'
import { BOOT_TARGET } from '@/lib/graph/overlay'
import type { PreviewTab } from '@/lib/store/types'
import { DocsPanel } from './docs-panel'
import { type FilesState, FilesPanel } from './files-panel'
import { ProcessTreePanel } from './process-tree-panel'
import { ShutdownPanel } from './shutdown-panel'
import { StartOrderPanel } from './start-order-panel'
import { useDockHeight } from './use-dock-height'
import { useExportView } from './use-export-view'

const TABS: { id: PreviewTab; label: string }[] = [
  { id: 'process-tree', label: 'Process tree' },
  { id: 'start-order', label: 'Start order' },
  { id: 'shutdown', label: 'Shutdown' },
  { id: 'files', label: 'Files' },
  { id: 'docs', label: 'README' },
]

/**
 * The preview dock under the canvas: what the design will do (process tree, start order,
 * shutdown) and what the download holds (files, README), updated on every edit. Its top edge
 * resizes it; open state and tab live in the store's UI slice.
 */
export function PreviewPanel() {
  const store = useEditorStoreApi()
  const open = useEditorStore((s) => s.ui.previewOpen)
  const tab = useEditorStore((s) => s.ui.previewTab)
  const dock = useDockHeight()
  const [startTarget, setStartTarget] = useState(BOOT_TARGET)
  const [filesState, setFilesState] = useState<FilesState>({})
  const needsExport = open && (tab === 'files' || tab === 'docs')
  const { view, stale, failed } = useExportView(needsExport)
  const current = TABS.find((t) => t.id === tab) ?? TABS[0]!
  const onTabKey = tabKeys(
    TABS.map((t) => t.id),
    current.id,
    (id) => store.getState().setPreviewTab(id),
    'preview-tab-',
  )
  return (
    <section className={`preview-dock${open ? ' is-open' : ''}`} aria-label="Previews">
      {open ? (
        <div
          className="dock-resize"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the previews"
          aria-valuenow={dock.height}
          aria-valuemin={dock.min}
          tabIndex={0}
          onPointerDown={dock.onPointerDown}
          onKeyDown={dock.onKeyDown}
          onDoubleClick={dock.reset}
        />
      ) : null}
      <div className="dock-tabs">
        <div className="dock-tablist" role="tablist" aria-label="Preview" onKeyDown={onTabKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              id={`preview-tab-${t.id}`}
              type="button"
              role="tab"
              aria-selected={open && t.id === tab}
              aria-controls={open && t.id === tab ? 'preview-body' : undefined}
              className="dock-tab"
              tabIndex={t.id === current.id ? 0 : -1}
              onClick={() => store.getState().setPreviewTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="dock-spacer" />
        {open && stale && needsExport ? <span className="dock-status">updating…</span> : null}
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
        <div
          className="preview-body"
          id="preview-body"
          role="tabpanel"
          aria-labelledby={`preview-tab-${current.id}`}
          data-tab={current.id}
          style={{ height: dock.height }}
        >
          {tab === 'process-tree' ? (
            <ProcessTreePanel />
          ) : tab === 'start-order' ? (
            <StartOrderPanel target={startTarget} onTarget={setStartTarget} />
          ) : tab === 'shutdown' ? (
            <ShutdownPanel />
          ) : !view ? (
            <p className="pv-empty" role={failed ? 'alert' : undefined}>
              {failed
                ? 'The exporter could not be loaded. Check your connection and reload the page.'
                : 'Preparing the export…'}
            </p>
          ) : tab === 'files' ? (
            <FilesPanel view={view} state={filesState} onState={setFilesState} />
          ) : (
            <DocsPanel view={view} />
          )}
        </div>
      ) : null}
    </section>
  )
}
