'use client'

import { useEffect } from 'react'
import { tidyLayout } from '@/components/canvas/use-layout-missing'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import { fieldOwnsUndo, isEditableTarget, watchTyping } from './editable-target'
import { useEditorStoreApi } from './editor-store-provider'
import { USER_STAYS } from './removal-message'

/**
 * Global shortcuts: undo (Ctrl/⌘+Z), redo (Ctrl/⌘+Shift+Z, Ctrl+Y), select all (Ctrl/⌘+A),
 * duplicate (Ctrl/⌘+D), search (Ctrl/⌘+K, Ctrl+F), tidy up (Shift+Alt+T), rename (F2), the
 * shortcut sheet (?); Delete on the boot bundle says why it stays. The sheet lists them all
 * (shortcuts-dialog.tsx): a new one goes there too.
 * In text fields the browser keeps its own, and its undo once the user has typed there (see
 * fieldOwnsUndo).
 */
export function useShortcuts(): void {
  const store = useEditorStoreApi()
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey
      const key = e.key.toLowerCase()
      const s = store.getState()
      if (mod && (key === 'k' || (key === 'f' && !e.shiftKey))) {
        e.preventDefault()
        s.setSearchOpen(true)
        return
      }
      if (e.shiftKey && e.altKey && e.code === 'KeyT') {
        e.preventDefault()
        void tidyLayout(store)
        return
      }
      if ((mod && key === 'z') || (mod && key === 'y')) {
        if (fieldOwnsUndo(e.target)) return
        e.preventDefault()
        if (key === 'z' && !e.shiftKey) s.undo()
        else s.redo()
        return
      }
      if (isEditableTarget(e.target)) return
      if (mod && key === 'a') {
        e.preventDefault()
        s.selectAll()
      } else if (mod && key === 'd') {
        // Instead of the browser's bookmark: the selection, copied beside itself.
        e.preventDefault()
        const copies = s.duplicate(s.selection.services)
        if (copies.length > 0)
          s.showNotice({
            message:
              copies.length === 1
                ? `Duplicated as ${copies[0]}`
                : `Duplicated ${copies.length} services`,
            tone: 'info',
            action: { label: 'Undo', kind: 'undo' },
          })
      } else if (e.key === 'F2' && s.selection.services.length === 1) {
        // Rename: the inspector's Name field, selected, so typing replaces the name.
        e.preventDefault()
        s.requestFocus('name', s.selection.services[0])
      } else if (e.key === '?' && !mod) {
        e.preventDefault()
        s.setShortcutsOpen(true)
      } else if (key === 'escape' && !s.ui.searchOpen) {
        s.clearSelection()
      }
    }
    // Before the canvas acts on Delete (it deletes what may go, and the selection left is then
    // only user): when user alone is selected, say why it stays.
    const onDeleteKey = (e: KeyboardEvent) => {
      if ((e.key !== 'Delete' && e.key !== 'Backspace') || isEditableTarget(e.target)) return
      const { selection, showNotice } = store.getState()
      if (selection.services.length === 1 && selection.services[0] === USER_BUNDLE)
        showNotice({ message: USER_STAYS, tone: 'info' })
    }
    const stopWatching = watchTyping()
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('keydown', onDeleteKey, true)
    return () => {
      stopWatching()
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('keydown', onDeleteKey, true)
    }
  }, [store])
}
