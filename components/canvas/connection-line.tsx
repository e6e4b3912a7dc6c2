'use client'

import { type ConnectionLineComponentProps, getBezierPath, useStore } from '@xyflow/react'
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
  const status = intent === undefined ? 'idle' : intent.ok ? 'valid' : 'invalid'
  return (
    <g className={`connection-line is-${status}`}>
      <path d={path} fill="none" className="connection-path" />
      <circle cx={toX} cy={toY} r={4} className="connection-end" />
      {intent ? (
        <foreignObject
          x={pointer.x + 14}
          y={pointer.y + 10}
          width={300}
          height={120}
          className="connection-fo"
        >
          <div className={`connection-hint is-${status}`} role="status" aria-live="polite">
            {intent.ok ? null : <strong>Not allowed: </strong>}
            {intent.message}
          </div>
        </foreignObject>
      ) : null}
    </g>
  )
}
