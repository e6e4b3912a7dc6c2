import type { Edge, Node, ReactFlowInstance } from '@xyflow/react'

/** A node's size when React Flow has not measured it yet (the service node's usual size). */
const DEFAULT_SIZE = { width: 216, height: 68 }

/**
 * Scrolls the canvas so that the nodes `ids` are on screen, when some are not: at the same
 * zoom when they fit in the pane together, else zoomed out just enough. Hidden and unknown
 * nodes are left out; nothing moves when all are visible.
 */
export function bringIntoView<N extends Node, E extends Edge>(
  rf: ReactFlowInstance<N, E>,
  ids: readonly string[],
): void {
  const pane = document.querySelector('.react-flow')?.getBoundingClientRect()
  if (!pane) return
  let box: { left: number; top: number; right: number; bottom: number } | undefined
  for (const id of ids) {
    const node = rf.getNode(id)
    if (!node || node.hidden) continue
    const width = node.measured?.width ?? node.width ?? DEFAULT_SIZE.width
    const height = node.measured?.height ?? node.height ?? DEFAULT_SIZE.height
    const { x, y } = node.position
    box = box
      ? {
          left: Math.min(box.left, x),
          top: Math.min(box.top, y),
          right: Math.max(box.right, x + width),
          bottom: Math.max(box.bottom, y + height),
        }
      : { left: x, top: y, right: x + width, bottom: y + height }
  }
  if (!box) return
  const { x, y, zoom } = rf.getViewport()
  const visible =
    box.left * zoom + x >= 0 &&
    box.top * zoom + y >= 0 &&
    box.right * zoom + x <= pane.width &&
    box.bottom * zoom + y <= pane.height
  if (visible) return
  const fits =
    (box.right - box.left) * zoom <= pane.width * 0.9 &&
    (box.bottom - box.top) * zoom <= pane.height * 0.9
  if (fits)
    void rf.setCenter((box.left + box.right) / 2, (box.top + box.bottom) / 2, {
      zoom,
      duration: 250,
    })
  else void rf.fitView({ nodes: ids.map((id) => ({ id })), maxZoom: zoom, duration: 250 })
}
