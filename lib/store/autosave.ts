/**
 * Autosave: writes the graph and the viewport to storage shortly after every change (debounced)
 * and at once on `flush` (the page is being hidden). Selection is not saved.
 */
import type { EditorStore } from './editor-store'
import type { KeyValueStorage } from './persistence'
import { writeSavedState } from './persistence'

export interface Autosave {
  /** Writes now if a change is waiting. */
  flush: () => void
  /** Stops watching the store (flushes first). */
  dispose: () => void
}

/**
 * Watches the store and saves. `delayMs` is the debounce (at most 300 ms per the designer's
 * contract).
 *
 * @example
 * const autosave = attachAutosave(store, localStorage, { delayMs: 250 })
 * addEventListener('pagehide', autosave.flush)
 */
export function attachAutosave(
  store: EditorStore,
  storage: KeyValueStorage,
  options: { delayMs?: number; onError?: () => void } = {},
): Autosave {
  const delay = options.delayMs ?? 250
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = () => {
    timer = undefined
    const s = store.getState()
    const ok = writeSavedState(storage, { graph: s.graph, viewport: s.ui.viewport })
    if (!ok) options.onError?.()
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.graph === prev.graph && state.ui.viewport === prev.ui.viewport) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(write, delay)
  })
  const flush = () => {
    if (timer === undefined) return
    clearTimeout(timer)
    write()
  }
  return {
    flush,
    dispose: () => {
      flush()
      unsubscribe()
    },
  }
}
