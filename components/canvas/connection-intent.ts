import type { ServiceGraph, ServiceName } from '@/lib/graph/types'
import { USER_BUNDLE } from '@/lib/graph/service-graph'
import { canConnect } from '@/lib/graph/validate'

/**
 * What a drag between two nodes means. On the canvas an edge goes from what starts first (left,
 * the source handle) to what starts after (right, the target handle): a dependency to its
 * dependent, a member to its bundle. So the graph operation reads the other way round:
 * `canConnect(target, source)`.
 */
export interface ConnectionIntent {
  /** The dependent or the bundle (canConnect's `from`). */
  from: ServiceName
  /** The dependency or the member (canConnect's `to`). */
  to: ServiceName
  ok: boolean
  /** Why it is refused, or what it will do. */
  message: string
}

export function connectionIntent(
  graph: ServiceGraph,
  source: ServiceName,
  target: ServiceName,
): ConnectionIntent {
  if (source === target) {
    return {
      from: target,
      to: source,
      ok: false,
      message: `${source} cannot be connected to itself.`,
    }
  }
  const result = canConnect(graph, target, source)
  if (!result.ok) return { from: target, to: source, ok: false, message: result.reason }
  const message =
    result.kind === 'membership'
      ? target === USER_BUNDLE
        ? `${source} will start at boot (joins ${target})`
        : `${source} joins bundle ${target}`
      : `${target} will depend on ${source}`
  return { from: target, to: source, ok: true, message }
}

/** The source and target a drag means, whichever handle it started from. */
export function orient(
  fromNode: ServiceName,
  fromHandleType: 'source' | 'target',
  toNode: ServiceName,
): { source: ServiceName; target: ServiceName } {
  return fromHandleType === 'source'
    ? { source: fromNode, target: toNode }
    : { source: toNode, target: fromNode }
}
