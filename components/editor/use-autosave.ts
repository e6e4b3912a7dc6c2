'use client'

import { useEffect } from 'react'
import { attachAutosave } from '@/lib/store/autosave'
import { rememberTabState } from './boot'
import type { KeyValueStorage } from '@/lib/store/persistence'
import { useEditorStoreApi } from './editor-store-provider'

/**
 * Saves to localStorage 250 ms after each change, and at once when the page is hidden. When
 * another tab saved a different design since, that one goes to Recent designs first, and the
 * user is told. While the browser refuses to save, the page says so (NotSavedBanner) until a
 * save succeeds again. What the tab saves is kept for its reload too (see bootEditor);
 * `foreign`: the design in storage is another tab's, not the one this tab shows.
 */
export function useAutosave(
  storage: KeyValueStorage,
  persistent: boolean,
  tab: string,
  foreign: boolean,
): void {
  const store = useEditorStoreApi()
  useEffect(() => {
    const autosave = attachAutosave(store, storage, {
      delayMs: 250,
      tab,
      foreign,
      onError: () => store.getState().setNotSaved(true),
      // Saved to a memory store (the browser blocks storage), the design is not kept.
      onSaved: (text) => {
        store.getState().setNotSaved(!persistent)
        // Only a tab that has worked on its design reopens it over another tab's: one that
        // only opened it (and laid it out) shows the latest saved design after a reload.
        const { past, future } = store.getState()
        if (past.length > 0 || future.length > 0) rememberTabState(text)
      },
      onOtherTab: (kept) => {
        store.getState().showNotice({
          message: kept
            ? 'Another tab had saved a different design; it is in Import › Recent designs.'
            : 'Another tab had saved a different design, and the browser refused to keep it (storage full).',
          tone: kept ? 'info' : 'error',
        })
      },
    })
    const onHide = () => autosave.flush()
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') autosave.flush()
    }
    window.addEventListener('pagehide', onHide)
    document.addEventListener('visibilitychange', onVisibility)
    return () => {
      window.removeEventListener('pagehide', onHide)
      document.removeEventListener('visibilitychange', onVisibility)
      autosave.dispose()
    }
  }, [store, storage, persistent, tab, foreign])
}
