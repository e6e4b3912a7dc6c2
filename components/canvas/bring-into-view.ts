import type { Edge, FitViewOptions, Node, ReactFlowInstance, Viewport } from '@xyflow/react'
import { useEffect } from 'react'
import { motionMs } from '@/components/ui/motion'

/** A node's size when React Flow has not measured it yet (the service node's usual size). */
const DEFAULT_SIZE = { width: 216, height: 68 }

interface Box {
  left: number
  top: number
  right: number
  bottom: number
}

interface Size {
  width: number
  height: number
}

/** The box around the nodes `ids` in flow coordinates; hidden and unknown nodes left out. */
function boundsOf<N extends Node, E extends Edge>(
  rf: ReactFlowInstance<N, E>,
  ids: readonly string[],
): Box | undefined {
  let box: Box | undefined
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
  return box
}

/** Whether `box` is wholly on a pane of `pane`'s size under viewport `v`. */
function onPane(box: Box, v: Viewport, pane: Size): boolean {
  return (
    box.left * v.zoom + v.x >= 0 &&
    box.top * v.zoom + v.y >= 0 &&
    box.right * v.zoom + v.x <= pane.width &&
    box.bottom * v.zoom + v.y <= pane.height
  )
}

const paneElement = () => document.querySelector<HTMLElement>('.react-flow')

/**
 * Scrolls the canvas so that the nodes `ids` are on screen, when some are not: at the same
 * zoom when they fit in the pane together, else zoomed out just enough. Hidden and unknown
 * nodes are left out; nothing moves when all are visible.
 */
export function bringIntoView<N extends Node, E extends Edge>(
  rf: ReactFlowInstance<N, E>,
  ids: readonly string[],
): void {
  const pane = paneElement()?.getBoundingClientRect()
  const box = boundsOf(rf, ids)
  if (!pane || !box) return
  const viewport = rf.getViewport()
  const { zoom } = viewport
  if (onPane(box, viewport, pane)) return
  const fits =
    (box.right - box.left) * zoom <= pane.width * 0.9 &&
    (box.bottom - box.top) * zoom <= pane.height * 0.9
  if (fits)
    void rf.setCenter((box.left + box.right) / 2, (box.top + box.bottom) / 2, {
      zoom,
      duration: motionMs(250),
    })
  else void rf.fitView({ nodes: ids.map((id) => ({ id })), maxZoom: zoom, duration: motionMs(250) })
}

/**
 * When the canvas gets smaller (the dock opens, the side panel widens, the window shrinks)
 * while the whole design was in view, fits it again, never zooming in: it stays in view. A
 * view the user has zoomed or panned into part of the design is left alone.
 */
export function useKeepDesignInView<N extends Node, E extends Edge>(
  rf: ReactFlowInstance<N, E>,
  fit: FitViewOptions,
): void {
  useEffect(() => {
    const element = paneElement()
    if (!element) return
    // The size is read in the observer's callbacks, where layout is done (its first, on
    // observe, only notes it): read in the effect, it would force a layout of the page while
    // the designer starts.
    let last: Size | undefined
    const observer = new ResizeObserver(() => {
      const before = last
      last = { width: element.clientWidth, height: element.clientHeight }
      if (!before || (last.width >= before.width && last.height >= before.height)) return
      const box = boundsOf(
        rf,
        rf.getNodes().map((n) => n.id),
      )
      const viewport = rf.getViewport()
      if (box && onPane(box, viewport, before) && !onPane(box, viewport, last))
        void rf.fitView({ ...fit, maxZoom: viewport.zoom, duration: motionMs(200) })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [rf, fit])
}

/**
 * Focuses a service's node once the canvas has drawn it: a large design draws only what is on
 * screen, a frame or more after the view moves there. Gives up after `frames` frames.
 */
export function focusNodeWhenDrawn(name: string, frames = 60): void {
  const node = document.querySelector<HTMLElement>(
    `.react-flow__node[data-id="${CSS.escape(name)}"]`,
  )
  if (node) node.focus()
  else if (frames > 0) requestAnimationFrame(() => focusNodeWhenDrawn(name, frames - 1))
}
