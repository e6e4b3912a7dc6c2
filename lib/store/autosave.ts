/**
 * Autosave: writes the graph and the viewport to storage shortly after every change (debounced)
 * and at once on `flush` (the page is being hidden). Selection is not saved. There is one
 * autosave per browser: a design another tab saved there since this tab last did is put in
 * Recent designs before this tab writes over it, so two tabs never silently cost a design.
 */
import type { EditorStore } from './editor-store'
import type { KeyValueStorage } from './persistence'
import { STORAGE_KEYS, parseSavedState, serializeState, writeItem } from './persistence'
import { addRecent, sameDesign } from './recent'

function readRaw(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(STORAGE_KEYS.autosave)
  } catch {
    return null
  }
}

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
  options: {
    delayMs?: number
    onError?: () => void
    /** Another tab's design was put in Recent designs (`kept` false: storage refused it). */
    onOtherTab?: (kept: boolean) => void
  } = {},
): Autosave {
  const delay = options.delayMs ?? 250
  let timer: ReturnType<typeof setTimeout> | undefined
  // What the autosave held when this tab last read or wrote it.
  let known = readRaw(storage)
  const write = () => {
    timer = undefined
    const s = store.getState()
    const stored = readRaw(storage)
    if (stored !== null && stored !== known) {
      const other = parseSavedState(stored)
      if (other.kind === 'ok' && !sameDesign(other.graph, s.graph)) {
        options.onOtherTab?.(addRecent(storage, other.graph, { reason: 'tab', now: Date.now() }).ok)
      }
    }
    const text = serializeState({ graph: s.graph, viewport: s.ui.viewport })
    if (writeItem(storage, STORAGE_KEYS.autosave, text)) known = text
    else options.onError?.()
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
