'use client'

import './editor.css'
import { ReactFlowProvider } from '@xyflow/react'
import { useEffect, useState } from 'react'
import { ServiceCanvas } from '@/components/canvas/service-canvas'
import { lazyPart } from '@/components/ui/lazy-part'
import { newTabId } from '@/lib/store/autosave'
import { createEditorStore } from '@/lib/store/editor-store'
import type { ServiceGraph } from '@/lib/graph/types'
import type { KeyValueStorage } from '@/lib/store/persistence'
import { bootEditor, pageStorage, rememberedTabState, withoutExampleParam } from './boot'
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
import { clearFragment, openedSharedNotice } from './open-link-handler'
import { useValidation } from './use-validation'
import { useNarrowPanel } from './use-narrow-panel'

// The panels around the canvas come in chunks of their own, each evaluated and first drawn in a
// task of its own after the canvas: no one long task holds the page while the designer starts.
const PreviewPanel = lazyPart(() =>
  import('@/components/preview/preview-panel').then((m) => m.PreviewPanel),
)
const SidePanel = lazyPart(
  () => import('./side-panel').then((m) => m.SidePanel),
  <aside className="side-panel" aria-busy="true" />,
)
const SearchDialog = lazyPart(() => import('./search-dialog').then((m) => m.SearchDialog))
const ShortcutsDialog = lazyPart(() => import('./shortcuts-dialog').then((m) => m.ShortcutsDialog))

/** The shortcut sheet, mounted while open (the modal takes the focus as it mounts). */
function ShortcutsSheet() {
  const open = useEditorStore((s) => s.ui.shortcutsOpen)
  return open ? <ShortcutsDialog /> : null
}

/** A share link's design, read before the designer started (see bootEditor's `link`). */
export interface StartLink {
  graph: ServiceGraph
  notes: string[]
}

/** The designer: top bar, canvas with the preview dock below, and the side panel. */
export function Editor({ link }: { link?: StartLink }) {
  const [boot] = useState(() => {
    const { storage, persistent, writable } = pageStorage()
    const b = bootEditor(
      storage,
      window.location.search,
      Date.now(),
      window.location.hash,
      rememberedTabState(),
      link?.graph,
    )
    // Over saved work, the example is opened as an edit of it, so that Undo brings it back.
    const store = createEditorStore(b.replaced ? { ...b.init, graph: b.replaced.previous } : b.init)
    if (b.issue) store.getState().setSavedStateIssue(b.issue)
    if (!writable) store.getState().setNotSaved(true)
    if (b.replaced) {
      store.getState().loadGraph(b.init.graph)
      store.getState().showNotice({
        message: `Opened the example.${keptMessage(b.replaced)}`,
        tone: 'info',
        action: { label: 'Undo', kind: 'undo' },
      })
    }
    if (b.openedLink && link)
      store
        .getState()
        .showNotice({ message: openedSharedNotice(link.graph, link.notes), tone: 'info' })
    if (b.reopened) {
      store.getState().showNotice({
        message:
          "Reopened this tab's design. Another tab has saved a different one; it goes to Import › Recent designs when you change this one.",
        tone: 'info',
      })
    }
    const tab = b.reopened?.tab ?? newTabId()
    return {
      storage,
      persistent,
      store,
      tab,
      foreign: b.reopened !== undefined,
      openedLink: b.openedLink === true,
    }
  })
  useEffect(() => {
    const url = withoutExampleParam(window.location.href)
    if (url !== undefined) window.history.replaceState(window.history.state, '', url)
    // Opened: a reload opens the autosave, not the link again.
    if (boot.openedLink) clearFragment()
  }, [boot.openedLink])
  return (
    <EditorStoreProvider store={boot.store}>
      <ReactFlowProvider>
        <EditorShell
          storage={boot.storage}
          persistent={boot.persistent}
          tab={boot.tab}
          foreign={boot.foreign}
        />
      </ReactFlowProvider>
    </EditorStoreProvider>
  )
}

function EditorShell({
  storage,
  persistent,
  tab,
  foreign,
}: {
  storage: KeyValueStorage
  persistent: boolean
  tab: string
  foreign: boolean
}) {
  useAutosave(storage, persistent, tab, foreign)
  const [panelOpen, setPanelOpen] = useNarrowPanel()
  useValidation()
  useShortcuts()
  useClipboard(storage)
  useTestHook()
  const side = useSideWidth()
  return (
    <div className={`app${panelOpen ? ' is-panel-open' : ''}`}>
      <SkipLinks />
      <Topbar panelOpen={panelOpen} onPanelToggle={() => setPanelOpen(!panelOpen)} />
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
        <SidePanel
          onClose={() => {
            setPanelOpen(false)
            // The close button hides with the drawer: the focus goes to what opens it again.
            document.querySelector<HTMLElement>('.panel-toggle')?.focus()
          }}
        />
      </div>
      <SearchDialog />
      <ShortcutsSheet />
      <NoticeToast />
      <Announcer />
    </div>
  )
}
