'use client'

import { useEditorStoreApi } from '@/components/editor/editor-store-provider'

/**
 * For a field that keeps what the user typed while it is invalid (and the design its last good
 * value): when the focus leaves the field for somewhere else, the text goes back to the value
 * the design holds and a notice says why nothing changed, as the name field does, instead of
 * the text staying there, looking applied, until the inspector closes and drops it unseen.
 * `within` is the field's group (a unit select beside it keeps the typing).
 */
export function useRevertInvalid(label: string) {
  const store = useEditorStoreApi()
  return (
    error: string | undefined,
    revert: () => void,
    next: EventTarget | null,
    within?: Element | null,
  ) => {
    if (error === undefined) return
    if (within && next instanceof Node && within.contains(next)) return
    revert()
    store.getState().showNotice({ message: `${label} not changed: ${error}`, tone: 'error' })
  }
}
