import type { ServiceGraph } from '@/lib/graph/types'
import type { KeyValueStorage } from '@/lib/store/persistence'
import {
  type RecentReason,
  addRecent,
  isBlankDesign,
  isUntouchedExample,
  sameDesign,
} from '@/lib/store/recent'
import type { EditorStore } from './editor-store-provider'

/**
 * Puts a design in Recent designs. False when the browser refused to store it (the caller
 * says so; undo still brings it back in this tab).
 */
export function putAside(
  storage: KeyValueStorage,
  graph: ServiceGraph,
  reason: RecentReason,
): boolean {
  return addRecent(storage, graph, { reason, now: Date.now() }).ok
}

export interface Replaced {
  /**
   * Whether there was a design worth keeping (not blank, not an untouched example, not the
   * same as the new one).
   */
  hadWork: boolean
  /** Whether it is now in Recent designs. */
  kept: boolean
}

/**
 * Makes `next` the design, undoably, after putting the current one in Recent designs, so a
 * link, an import or a recent design never costs the user their work.
 */
export function replaceDesign(
  store: EditorStore,
  storage: KeyValueStorage,
  next: ServiceGraph,
  reason: RecentReason,
): Replaced {
  const current = store.getState().graph
  const hadWork =
    !isBlankDesign(current) && !isUntouchedExample(current) && !sameDesign(current, next)
  const kept = hadWork ? putAside(storage, current, reason) : false
  store.getState().loadGraph(next)
  return { hadWork, kept }
}

/** The sentence that tells where the previous design went. */
export function keptMessage({ hadWork, kept }: Replaced): string {
  if (!hadWork) return ''
  return kept
    ? ' Your previous design is in Import › Recent designs.'
    : ' Your previous design could not be stored (browser storage full); Undo brings it back.'
}
