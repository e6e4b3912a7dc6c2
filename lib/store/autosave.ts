/**
 * Autosave: writes the graph and the viewport to storage shortly after every change (debounced)
 * and at once on `flush` (the page is being hidden). Selection is not saved. There is one
 * autosave per browser: a design another tab saved there since this tab last did is put in
 * Recent designs before this tab writes over it, so two tabs never silently cost a design
 * (one entry per tab, replaced by that tab's later designs, and gone once that tab saves its
 * design here again); and a tab whose design has not
 * changed (only panned or zoomed) does not write over another tab's newer one.
 */
import type { EditorStore } from './editor-store'
import type { KeyValueStorage } from './persistence'
import { STORAGE_KEYS, parseSavedState, serializeState, writeItem } from './persistence'
import { addRecent, removeRecentSource, sameDesign } from './recent'

function readRaw(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(STORAGE_KEYS.autosave)
  } catch {
    return null
  }
}

/** A new id for a tab's saves. */
export const newTabId = (): string => Math.random().toString(36).slice(2, 10)

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
    /** A save was refused (storage full or blocked). */
    onError?: () => void
    /** A save succeeded; `text` is what was written. */
    onSaved?: (text: string) => void
    /**
     * Another tab's design was put in Recent designs (`kept` false: storage refused it); called
     * once per other tab, not again each time the same tab's newer design replaces its entry.
     */
    onOtherTab?: (kept: boolean) => void
    /** This tab's id in what it saves (default: a random one). */
    tab?: string
    /**
     * The design in storage is not the one this tab shows (the tab reopened its own design
     * after another tab saved over it): it is put aside before this tab's first write, like
     * any other tab's newer design.
     */
    foreign?: boolean
  } = {},
): Autosave {
  const delay = options.delayMs ?? 250
  const tab = options.tab ?? newTabId()
  let timer: ReturnType<typeof setTimeout> | undefined
  // What the autosave held when this tab last read or wrote it.
  let known = options.foreign ? null : readRaw(storage)
  // The design changed since this tab last wrote (not only the viewport).
  let edited = false
  const told = new Set<string>()
  const write = () => {
    timer = undefined
    const s = store.getState()
    const stored = readRaw(storage)
    if (stored !== null && stored !== known) {
      // Another tab wrote since: a pan or zoom here is not worth its newer design.
      if (!edited) return
      const other = parseSavedState(stored)
      if (other.kind === 'ok' && !sameDesign(other.graph, s.graph)) {
        // The same id is another tab's only when a tab was duplicated with its session: its
        // design is then kept as an entry of its own, not one this tab's write removes.
        const source = other.tab !== tab ? other.tab : undefined
        const { ok } = addRecent(storage, other.graph, {
          reason: 'tab',
          now: Date.now(),
          ...(source !== undefined ? { source } : {}),
        })
        if (!ok || !told.has(source ?? '')) options.onOtherTab?.(ok)
        if (ok) told.add(source ?? '')
      }
    }
    const text = serializeState({ graph: s.graph, viewport: s.ui.viewport, tab })
    if (writeItem(storage, STORAGE_KEYS.autosave, text)) {
      // The other tab may have put this tab's design aside: it is in the autosave again.
      if (stored !== null && stored !== known) removeRecentSource(storage, tab)
      known = text
      edited = false
      options.onSaved?.(text)
    } else options.onError?.()
  }
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.graph === prev.graph && state.ui.viewport === prev.ui.viewport) return
    if (state.graph !== prev.graph) edited = true
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
