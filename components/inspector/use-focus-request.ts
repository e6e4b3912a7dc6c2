'use client'

import { type RefObject, useEffect } from 'react'
import { useEditorStore, useEditorStoreApi } from '@/components/editor/editor-store-provider'
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
      // Scroll only the panel: scrollIntoView would also scroll the page itself.
      const panel = el.closest<HTMLElement>('.side-body')
      if (panel) {
        const delta = el.getBoundingClientRect().top - panel.getBoundingClientRect().top
        panel.scrollTop += delta - panel.clientHeight / 3
      }
      el.focus({ preventScroll: true })
    }
    store.setState((s) => ({ ui: { ...s.ui, focusRequest: undefined } }))
  }, [focus, root, service, store])
}
