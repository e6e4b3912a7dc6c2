'use client'

import { usePanelSize } from '@/components/ui/use-panel-size'

const DEFAULT = 300
/**
 * The dock leaves the canvas room above it: the top bar, the dock's tabs and a canvas that can
 * still show its toolbar, a node and its zoom buttons (about 270 px in all). In a short window
 * (a laptop at 200% zoom) the dock gets smaller than `min` rather than crush the canvas.
 */
const OPTIONS = {
  key: 's6d-preview-height',
  min: 150,
  max: () => Math.max(90, (typeof window === 'undefined' ? 800 : window.innerHeight) - 270),
  axis: 'y',
} as const
const byDefault = () => DEFAULT

/**
 * The preview dock's height, changed by dragging its top edge (or with the arrow keys on it),
 * kept in localStorage between visits; double-clicking the edge goes back to 300 px.
 */
export function useDockHeight() {
  const panel = usePanelSize(OPTIONS, byDefault)
  return { ...panel, height: Math.min(panel.size ?? DEFAULT, OPTIONS.max()) }
}
