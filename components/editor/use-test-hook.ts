'use client'

import { useEffect } from 'react'
import { type EditorStore, useEditorStoreApi } from './editor-store-provider'

declare global {
  interface Window {
    /** Read access for browser tests and the benchmark: the live store. */
    __s6d?: { store: EditorStore }
  }
}

/** Exposes the store as `window.__s6d.store` (tests read the graph through it). */
export function useTestHook(): void {
  const store = useEditorStoreApi()
  useEffect(() => {
    window.__s6d = { store }
    return () => {
      delete window.__s6d
    }
  }, [store])
}
