/**
 * Keeps `checkedGraph` (what the problem displays describe) following `graph`: shortly after
 * each change, once typing pauses, so an edit shows at once and its diagnostics a moment later.
 */
import type { EditorStore } from './editor-store'

/**
 * Watches the store and moves `checkedGraph` to the current graph `delayMs` after the last
 * change. Returns a function that stops watching.
 *
 * @example const stop = attachValidation(store, { delayMs: 60 })
 */
export function attachValidation(
  store: EditorStore,
  options: { delayMs?: number } = {},
): () => void {
  const delay = options.delayMs ?? 60
  let timer: ReturnType<typeof setTimeout> | undefined
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.graph === prev.graph) return
    if (timer !== undefined) clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      store.getState().markChecked()
    }, delay)
  })
  return () => {
    if (timer !== undefined) clearTimeout(timer)
    unsubscribe()
  }
}
