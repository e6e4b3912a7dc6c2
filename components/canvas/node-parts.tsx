import { Handle, Position } from '@xyflow/react'
import type { ProblemCounts } from '@/lib/store/selectors'

/** Error and warning counts of a node, as small pills. */
export function ProblemBadges({ problems }: { problems: ProblemCounts }) {
  if (problems.errors === 0 && problems.warnings === 0) return null
  const parts = [
    problems.errors ? `${problems.errors} error${problems.errors === 1 ? '' : 's'}` : '',
    problems.warnings ? `${problems.warnings} warning${problems.warnings === 1 ? '' : 's'}` : '',
  ].filter(Boolean)
  return (
    <span className="node-badges" role="img" title={parts.join(', ')} aria-label={parts.join(', ')}>
      {problems.errors ? <span className="badge badge-error">{problems.errors}</span> : null}
      {problems.warnings ? <span className="badge badge-warning">{problems.warnings}</span> : null}
    </span>
  )
}

/**
 * The two connection points: left is "needs" (what starts before this), right is "needed by"
 * (what starts after). Dragging from either to another node makes an edge.
 */
export function NodeHandles({ name }: { name: string }) {
  return (
    <>
      <Handle
        type="target"
        position={Position.Left}
        className="handle handle-in"
        title={`Drag to a service ${name} needs (it starts first)`}
      />
      <Handle
        type="source"
        position={Position.Right}
        className="handle handle-out"
        title={`Drag to a service that needs ${name}, or to a bundle to add it`}
      />
    </>
  )
}
