'use client'

import { type RefObject, useEffect } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
import { scrollWithin } from '@/components/ui/scroll-within'
import type { ServiceName } from '@/lib/graph/types'

/** Finds the input for a model field, trying shorter paths (`env.0.name` → `env.0` → `env`). */
export function findFieldElement(root: HTMLElement, field: string): HTMLElement | null {
  const parts = field.replace(/^project\./, '').split('.')
  while (parts.length > 0) {
    const el = root.querySelector<HTMLElement>(`[data-field="${CSS.escape(parts.join('.'))}"]`)
    if (el) return el
    parts.pop()
  }
  return null
}

/**
 * Focuses the field the problems panel asked for, when it is in this panel (`service` is the
 * panel's service, or undefined for the project panel).
 */
export function useFocusRequest(
  root: RefObject<HTMLElement | null>,
  service: ServiceName | undefined,
): void {
  const store = useEditorStoreApi()
  const focus = useEditorStore((s) => s.ui.focusRequest)
  useEffect(() => {
    if (!focus || !root.current || focus.service !== service) return
    const el = findFieldElement(root.current, focus.field)
    if (el) {
      const details = el.closest('details')
      if (details && !details.open) details.open = true
      scrollWithin(el, 1 / 3, { box: el.closest<HTMLElement>('.side-body') })
      el.focus({ preventScroll: true })
      // A name is replaced more often than edited: selected, typing replaces it.
      if (focus.field === 'name' && el instanceof HTMLInputElement) el.select()
    }
    store.setState((s) => ({ ui: { ...s.ui, focusRequest: undefined } }))
  }, [focus, root, service, store])
}
