'use client'

import type { EditorStore } from '@/lib/store/editor-store'

/**
 * Opens the Problems tab and moves the keyboard focus into it (its first problem, else the
 * panel), so that a keyboard user lands where the problems are instead of in the top bar.
 */
export function showProblems(store: EditorStore): void {
  store.getState().setSideTab('problems')
  // Two frames: the tab's panel renders in the first.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const panel = document.getElementById('side-panel-problems')
      const first = panel?.querySelector<HTMLElement>('.problem-main')
      ;(first ?? panel)?.focus({ preventScroll: true })
    }),
  )
}
