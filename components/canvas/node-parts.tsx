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

/** Characters of a name a node shows in full; longer ones lose their middle. */
const NAME_ROOM = 20

/**
 * A node's name. A long one is cut in the middle, keeping its start and its end: names of one
 * family (queue-worker-default, queue-worker-default-log, …-log-prepare) differ at the end, which
 * an ellipsis at the end would hide. The node's title has the whole name.
 */
export function NodeName({ name }: { name: string }) {
  const chars = [...name]
  const shown =
    chars.length <= NAME_ROOM
      ? name
      : `${chars.slice(0, NAME_ROOM - 12).join('')}…${chars.slice(chars.length - 11).join('')}`
  return <span className="node-name-text">{shown}</span>
}
