'use client'

import { type ReactNode, createContext, useContext, useState } from 'react'
import { useStore } from 'zustand'
import { type EditorStore, type EditorStoreInit, createEditorStore } from '@/lib/store/editor-store'
import type { EditorState } from '@/lib/store/types'

export type { EditorStore } from '@/lib/store/editor-store'
export type { EditorState } from '@/lib/store/types'

const EditorStoreContext = createContext<EditorStore | null>(null)

/**
 * Creates one editor store per mount (STYLE 11: no module global) and provides it. Pass `store`
 * to provide one made elsewhere (tests, the benchmark page).
 */
export function EditorStoreProvider({
  init,
  store,
  children,
}: {
  init?: EditorStoreInit
  store?: EditorStore
  children: ReactNode
}) {
  const [value] = useState(() => store ?? createEditorStore(init))
  return <EditorStoreContext.Provider value={value}>{children}</EditorStoreContext.Provider>
}

/** The store itself, for event handlers that read state without subscribing. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext)
  if (!store) throw new Error('useEditorStoreApi must be used inside <EditorStoreProvider>')
  return store
}

/**
 * Subscribes to a slice of the editor state. Keep selectors narrow, and wrap multi-field picks
 * in `useShallow` (STYLE 12).
 *
 * @example const canUndo = useEditorStore(selectCanUndo)
 */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector)
}
