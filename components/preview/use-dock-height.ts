'use client'

import { usePanelSize } from '@/components/ui/use-panel-size'

const DEFAULT = 300
const OPTIONS = {
  key: 's6d-preview-height',
  min: 150,
  max: () => (typeof window === 'undefined' ? 800 : window.innerHeight) - 200,
  axis: 'y',
} as const
const byDefault = () => DEFAULT

/**
 * The preview dock's height, changed by dragging its top edge (or with the arrow keys on it),
 * kept in localStorage between visits; double-clicking the edge goes back to 300 px.
 */
export function useDockHeight() {
  const panel = usePanelSize(OPTIONS, byDefault)
  return { ...panel, height: Math.min(panel.size ?? DEFAULT, Math.max(OPTIONS.min, OPTIONS.max())) }
}
