'use client'

import { useEffect } from 'react'
import { parseGraph } from '@/lib/graph/parse'
import { copyServices } from '@/lib/store/clipboard'
import { type KeyValueStorage, STORAGE_KEYS, writeItem } from '@/lib/store/persistence'
import { isEditableTarget } from './editable-target'
import { type EditorStore, useEditorStoreApi } from './editor-store-provider'
import { removeWithNotice } from './removal-message'

/** Marks our clipboard text, so pasting other JSON is told apart from a copied selection. */
const KIND = 's6-designer/services'

function pasteText(store: EditorStore, text: string): boolean {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return false
  }
  const graph =
    typeof data === 'object' && data !== null && 'graph' in data
      ? (data as { graph: unknown }).graph
      : data
  const parsed = parseGraph(graph)
  if (!parsed.ok || typeof parsed.graph?.services !== 'object') {
    store
      .getState()
      .showNotice({ message: 'The clipboard does not hold services to paste.', tone: 'error' })
    return true
  }
  const names = store.getState().paste(parsed.graph)
  store.getState().showNotice({
    message: names.length === 1 ? `Pasted ${names[0]}` : `Pasted ${names.length} services`,
    tone: 'info',
    action: { label: 'Undo', kind: 'undo' },
  })
  return true
}

/**
 * Copy, cut and paste of services as graph JSON (a cut is a copy, then what Delete does). The
 * clipboard events carry the text without any permission prompt; when they do not fire (no text
 * focus), the async Clipboard API is tried, and the last copy is also kept in localStorage so
 * another tab can paste it.
 */
export function useClipboard(storage: KeyValueStorage): void {
  const store = useEditorStoreApi()
  useEffect(() => {
    let handledByEvent = false
    const fragmentText = () => {
      const s = store.getState()
      if (s.selection.services.length === 0) return undefined
      return JSON.stringify({ kind: KIND, graph: copyServices(s.graph, s.selection.services) })
    }
    const cutSelection = () => removeWithNotice(store, store.getState().selection.services)
    const onCopyOrCut = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target)) return
      // Text selected on the page is the browser's to copy: no fallback, nothing removed.
      if (window.getSelection()?.toString()) {
        handledByEvent = true
        return
      }
      const text = fragmentText()
      if (text === undefined) return
      e.clipboardData?.setData('text/plain', text)
      e.preventDefault()
      writeItem(storage, STORAGE_KEYS.clipboard, text)
      handledByEvent = true
      if (e.type === 'cut') cutSelection()
    }
    const onPaste = (e: ClipboardEvent) => {
      if (isEditableTarget(e.target)) return
      const text = e.clipboardData?.getData('text/plain') ?? ''
      handledByEvent = true
      if (text && pasteText(store, text)) e.preventDefault()
    }
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditableTarget(e.target)) return
      const key = e.key.toLowerCase()
      if (key !== 'c' && key !== 'x' && key !== 'v') return
      handledByEvent = false
      // Let the native copy/paste event run first; fall back only when it did not.
      setTimeout(() => {
        if (handledByEvent) return
        if (key === 'c' || key === 'x') {
          const text = fragmentText()
          if (text === undefined) return
          writeItem(storage, STORAGE_KEYS.clipboard, text)
          void navigator.clipboard?.writeText(text).catch(() => undefined)
          if (key === 'x') cutSelection()
        } else {
          const fallback = () => {
            const saved = storage.getItem(STORAGE_KEYS.clipboard)
            if (saved) pasteText(store, saved)
          }
          if (!navigator.clipboard?.readText) return fallback()
          navigator.clipboard
            .readText()
            .then((text) => (text && pasteText(store, text) ? undefined : fallback()))
            .catch(fallback)
        }
      }, 30)
    }
    document.addEventListener('copy', onCopyOrCut)
    document.addEventListener('cut', onCopyOrCut)
    document.addEventListener('paste', onPaste)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('copy', onCopyOrCut)
      document.removeEventListener('cut', onCopyOrCut)
      document.removeEventListener('paste', onPaste)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [store, storage])
}
