'use client'

import { DownloadButton } from '@/components/export/download-button'
import { ImportButton } from '@/components/share/import-button'
import { ShareButton } from '@/components/share/share-button'
import { Button } from '@/components/ui/button'
import { Icon } from '@/components/ui/icons'
import { shortcutText } from '@/components/ui/platform'
import { ThemeToggle } from '@/components/ui/theme-toggle'
import { selectCanRedo, selectCanUndo } from '@/lib/store/selectors'
import { useEditorStore, useEditorStoreApi } from './editor-store-provider'
import { ExamplesMenu } from './examples-menu'
import { NewGraphButton } from './new-graph-button'
import { ProblemCounter } from './problem-counter'

/** The bar above everything: project, files, history, search, problems, export, docs, theme. */
export function Topbar({
  panelOpen,
  onPanelToggle,
}: {
  /** Whether the details drawer is open (narrow windows only; see useNarrowPanel). */
  panelOpen: boolean
  onPanelToggle: () => void
}) {
  const store = useEditorStoreApi()
  const projectName = useEditorStore((s) => s.graph.project.name)
  const canUndo = useEditorStore(selectCanUndo)
  const canRedo = useEditorStore(selectCanRedo)
  return (
    <header className="topbar">
      <a
        className="brand"
        href="/"
        title="s6 Designer home"
        onClick={(e) => {
          // Already home: a reload would only lose the undo history and the selection.
          const plain = e.button === 0 && !e.ctrlKey && !e.metaKey && !e.shiftKey && !e.altKey
          if (plain && window.location.pathname === '/') e.preventDefault()
        }}
      >
        <span className="brand-mark" aria-hidden="true">
          s6
        </span>
        <span className="brand-name">Designer</span>
      </a>
      <span className="topbar-slash" aria-hidden="true">
        /
      </span>
      <button
        type="button"
        className="project-name"
        title="Project settings"
        aria-label={`Project settings for ${projectName}`}
        onClick={() => store.getState().setSideTab('project')}
      >
        {projectName || 'untitled'}
      </button>
      <nav className="topbar-group" aria-label="Design">
        <ExamplesMenu />
        <NewGraphButton />
      </nav>
      <span className="topbar-divider" aria-hidden="true" />
      <div className="topbar-group" role="group" aria-label="History">
        <Button
          variant="ghost"
          icon="undo"
          aria-label="Undo"
          title={`Undo (${shortcutText(['Ctrl', 'Z'])})`}
          disabled={!canUndo}
          onClick={() => store.getState().undo()}
        />
        <Button
          variant="ghost"
          icon="redo"
          aria-label="Redo"
          title={`Redo (${shortcutText(['Ctrl', 'Shift', 'Z'])})`}
          disabled={!canRedo}
          onClick={() => store.getState().redo()}
        />
      </div>
      <button
        type="button"
        className="search-trigger"
        aria-label="Find service…"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => store.getState().setSearchOpen(true)}
      >
        <span className="search-trigger-icon" aria-hidden="true">
          ⌕
        </span>
        <span>Find service…</span>
        <kbd>{shortcutText(['Ctrl', 'K'])}</kbd>
      </button>
      <ProblemCounter />
      <span className="topbar-spacer" />
      <div className="topbar-group" role="group" aria-label="Import and export">
        <ImportButton />
        <ShareButton />
        <DownloadButton />
      </div>
      <span className="topbar-divider" aria-hidden="true" />
      {/* A plain link: the docs are static pages outside the designer's router (no prefetch). */}
      <a className="btn btn-ghost btn-md" href="/docs/">
        <Icon name="book" size={15} />
        <span className="btn-label">Docs</span>
      </a>
      <ThemeToggle />
      <button
        type="button"
        className="btn btn-default btn-md panel-toggle"
        aria-expanded={panelOpen}
        aria-controls="details-panel"
        onClick={onPanelToggle}
      >
        <Icon name="panel" size={15} />
        <span>Details</span>
      </button>
    </header>
  )
}
