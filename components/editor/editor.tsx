'use client'

import './editor.css'
import { ReactFlowProvider } from '@xyflow/react'
import dynamic from 'next/dynamic'
import { useEffect, useState } from 'react'
import { ServiceCanvas } from '@/components/canvas/service-canvas'
import { createEditorStore } from '@/lib/store/editor-store'
import type { KeyValueStorage } from '@/lib/store/persistence'
import { bootEditor, pageStorage, withoutExampleParam } from './boot'
import { EditorStoreProvider, useEditorStore } from './editor-store-provider'
import { Announcer } from './announcer'
import { NoticeToast } from './notice-toast'
import { NotSavedBanner } from './not-saved-banner'
import { SavedStateBanner } from './saved-state-banner'
import { SkipLinks } from './skip-links'
import { Topbar } from './topbar'
import { useAutosave } from './use-autosave'
import { useClipboard } from './use-clipboard'
import { useShortcuts } from './use-shortcuts'
import { useTestHook } from './use-test-hook'
import { useSideWidth } from './use-side-width'
import { keptMessage } from './recent-actions'
import { useValidation } from './use-validation'

// The panels around the canvas come in chunks of their own, each evaluated and first drawn in a
// task of its own after the canvas: no one long task holds the page while the designer starts.
const PreviewPanel = dynamic(
  () => import('@/components/preview/preview-panel').then((m) => m.PreviewPanel),
  { ssr: false },
)
const SidePanel = dynamic(() => import('./side-panel').then((m) => m.SidePanel), {
  ssr: false,
  loading: () => <aside className="side-panel" aria-busy="true" />,
})
const SearchDialog = dynamic(() => import('./search-dialog').then((m) => m.SearchDialog), {
  ssr: false,
})
const ShortcutsDialog = dynamic(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog), {
  ssr: false,
})

/** The shortcut sheet, mounted while open (the modal takes the focus as it mounts). */
function ShortcutsSheet() {
  const open = useEditorStore((s) => s.ui.shortcutsOpen)
  return open ? <ShortcutsDialog /> : null
}

/** The designer: top bar, canvas with the preview dock below, and the side panel. */
export function Editor() {
  const [boot] = useState(() => {
    const { storage, persistent, writable } = pageStorage()
    const b = bootEditor(storage, window.location.search, Date.now(), window.location.hash)
    const store = createEditorStore(b.init)
    if (b.issue) store.getState().setSavedStateIssue(b.issue)
    if (!writable) store.getState().setNotSaved(true)
    if (b.replaced) {
      store.getState().showNotice({
        message: `Opened the example.${keptMessage(b.replaced)}`,
        tone: 'info',
      })
    }
    return { storage, persistent, store }
  })
  useEffect(() => {
    const url = withoutExampleParam(window.location.href)
    if (url !== undefined) window.history.replaceState(window.history.state, '', url)
  }, [])
  return (
    <EditorStoreProvider store={boot.store}>
      <ReactFlowProvider>
        <EditorShell storage={boot.storage} persistent={boot.persistent} />
      </ReactFlowProvider>
    </EditorStoreProvider>
  )
}

function EditorShell({ storage, persistent }: { storage: KeyValueStorage; persistent: boolean }) {
  useAutosave(storage, persistent)
  useValidation()
  useShortcuts()
  useClipboard(storage)
  useTestHook()
  const side = useSideWidth()
  return (
    <div className="app">
      <SkipLinks />
      <Topbar />
      <SavedStateBanner />
      <NotSavedBanner />
      <div
        className="workspace"
        style={
          side.size === undefined
            ? undefined
            : { gridTemplateColumns: `minmax(0, 1fr) ${side.size}px` }
        }
      >
        <div className="canvas-column">
          <ServiceCanvas />
          <PreviewPanel />
        </div>
        <div
          className="side-resize"
          role="separator"
          aria-orientation="vertical"
          aria-label="Resize the side panel"
          aria-valuenow={side.size ?? side.byDefault()}
          aria-valuemin={side.min}
          tabIndex={0}
          title="Drag to resize; double-click for the default width"
          onPointerDown={side.onPointerDown}
          onKeyDown={side.onKeyDown}
          onDoubleClick={side.reset}
        />
        <SidePanel />
      </div>
      <SearchDialog />
      <ShortcutsSheet />
      <NoticeToast />
      <Announcer />
    </div>
  )
}
