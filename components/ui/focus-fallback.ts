/**
 * When the focused element has just gone (a deleted node, a closed notice), the focus falls to
 * the page and a keyboard user starts again from the top: this puts it on a node of the canvas
 * (or the palette's first button) instead, unless it already went somewhere.
 */
export function refocusCanvas(): void {
  requestAnimationFrame(() => {
    const at = document.activeElement
    if (at && at !== document.body && at.isConnected) return
    document
      .querySelector<HTMLElement>('.react-flow__node, .palette button')
      ?.focus({ preventScroll: true })
  })
}
