/**
 * Animation lengths that honour the reduced-motion preference: with `prefers-reduced-motion:
 * reduce`, the canvas jumps to a node or a fitted view instead of panning and zooming there.
 */
export function motionMs(ms: number): number {
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return ms
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : ms
}
