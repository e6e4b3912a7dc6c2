'use client'

import { usePanelSize } from '@/components/ui/use-panel-size'

const OPTIONS = {
  key: 's6d-side-width',
  min: 300,
  // The canvas keeps at least 560 px.
  max: () => (typeof window === 'undefined' ? 1440 : window.innerWidth) - 560,
  axis: 'x',
} as const

/** The stylesheet's width: 372 px, 336 px in windows under 1366 px (editor.css). */
const byDefault = () => (window.innerWidth <= 1365 ? 336 : 372)

/** The side panel's width on screen, where a drag or a key press starts from. */
function onScreen(): number {
  const panel = document.querySelector('.side-panel')
  return panel ? Math.round(panel.getBoundingClientRect().width) : byDefault()
}

/**
 * The side panel's width: undefined (the stylesheet's, narrower under 1366 px) until the user
 * drags its left edge or uses the arrow keys on it; kept in localStorage between visits.
 */
export function useSideWidth() {
  return { ...usePanelSize(OPTIONS, onScreen), byDefault }
}
