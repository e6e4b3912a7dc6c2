import { refocusCanvas } from '@/components/ui/focus-fallback'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import type { ServiceName } from '@/lib/graph/types'
import type { RemovalSummary } from '@/lib/store/types'
import type { EditorStore } from './editor-store-provider'

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/** Why Delete or Cut leaves the boot bundle. */
export const USER_STAYS =
  'user cannot be deleted: it is what s6-overlay starts at boot. Remove services from it instead.'

/**
 * The notice after a deletion, for example "Removed web and 3 references". Undefined when
 * nothing was removed.
 */
export function describeRemoval(summary: RemovalSummary, edges: number): string | undefined {
  const { removed, references } = summary
  if (removed.length === 0) {
    return edges === 0 ? undefined : `Removed ${plural(edges, 'connection')}`
  }
  const what = removed.length === 1 ? removed[0] : plural(removed.length, 'service')
  return references.length === 0
    ? `Removed ${what}`
    : `Removed ${what} and ${plural(references.length, 'reference')}`
}

/**
 * Removes services as the Delete key does: one undo step, the notice (with Undo) saying what
 * went, and the focus back on the canvas when it was on something removed.
 */
export function removeWithNotice(store: EditorStore, names: readonly ServiceName[]): void {
  const summary = store.getState().removeServices(names)
  const message = describeRemoval(summary, 0)
  if (message)
    store.getState().showNotice({ message, tone: 'info', action: { label: 'Undo', kind: 'undo' } })
  else if (names.includes(USER_BUNDLE))
    store.getState().showNotice({ message: USER_STAYS, tone: 'info' })
  refocusCanvas()
}
