'use client'

import { type ConnectionLineComponentProps, getBezierPath, useStore } from '@xyflow/react'
import { createPortal } from 'react-dom'
import { useEditorStore } from '@/components/editor/editor-store-provider'
import { connectionIntent, orient } from './connection-intent'

/**
 * The line drawn while dragging a connection. Over another node it says, next to the cursor,
 * what the connection will do, or why it is refused.
 */
export function ConnectionLine({
  fromX,
  fromY,
  toX,
  toY,
  fromPosition,
  toPosition,
  fromNode,
  fromHandle,
  toNode,
  pointer,
}: ConnectionLineComponentProps) {
  const graph = useEditorStore((s) => s.graph)
  const nodeLookup = useStore((s) => s.nodeLookup)
  const domNode = useStore((s) => s.domNode)
  let targetId = toNode?.id
  if (targetId === undefined) {
    for (const n of nodeLookup.values()) {
      const { x, y } = n.internals.positionAbsolute
      const w = n.measured.width ?? 0
      const h = n.measured.height ?? 0
      if (
        !n.hidden &&
        pointer.x >= x &&
        pointer.x <= x + w &&
        pointer.y >= y &&
        pointer.y <= y + h
      ) {
        targetId = n.id
        break
      }
    }
  }
  const intent =
    targetId !== undefined && targetId !== fromNode.id
      ? (() => {
          const { source, target } = orient(fromNode.id, fromHandle.type, targetId)
          return connectionIntent(graph, source, target)
        })()
      : undefined
  const [path] = getBezierPath({
    sourceX: fromX,
    sourceY: fromY,
    sourcePosition: fromPosition,
    targetX: toX,
    targetY: toY,
    targetPosition: toPosition,
  })
  // `pointer` is in pixels from the canvas's corner, so the hint follows the cursor even while
  // the canvas auto-pans.
  const bounds = domNode?.getBoundingClientRect()
  const screen = { x: (bounds?.left ?? 0) + pointer.x, y: (bounds?.top ?? 0) + pointer.y }
  const status = intent === undefined ? 'idle' : intent.ok ? 'valid' : 'invalid'
  return (
    <g className={`connection-line is-${status}`}>
      <path d={path} fill="none" className="connection-path" />
      <circle cx={toX} cy={toY} r={4} className="connection-end" />
      {intent
        ? // Above the nodes (an SVG child would sit under them), next to the cursor.
          createPortal(
            <div
              className={`connection-hint is-${status}`}
              role="status"
              aria-live="polite"
              style={{
                // Kept inside the canvas, whatever the cursor's position.
                left: Math.max(
                  (bounds?.left ?? 0) + 8,
                  Math.min(screen.x + 16, (bounds?.right ?? 1e5) - 308),
                ),
                top: Math.min(screen.y + 14, (bounds?.bottom ?? 1e5) - 60),
              }}
            >
              {intent.ok ? null : <strong>Not allowed: </strong>}
              {intent.message}
            </div>,
            document.body,
          )
        : null}
    </g>
  )
}
