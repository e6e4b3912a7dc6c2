/**
 * Ids of derived edges. The graph stores no edges (STYLE 4): an edge id names its kind and its
 * two ends, so the selection can hold edges and a deletion can find what to remove.
 */
import type { ServiceName } from '../graph/types'
import type { EdgeKind, EdgeRef } from './types'

const PREFIX: Record<EdgeKind, string> = { dependency: 'dep', membership: 'mem' }

/**
 * The id of an edge: `dep:<dependent>><dependency>` or `mem:<bundle>><member>`.
 *
 * @example edgeId({ kind: 'dependency', from: 'web', to: 'redis-ready' }) // 'dep:web>redis-ready'
 */
export function edgeId(edge: EdgeRef): string {
  return `${PREFIX[edge.kind]}:${edge.from}>${edge.to}`
}

/** The edge an id names, or undefined for an id this module did not make. */
export function parseEdgeId(id: string): EdgeRef | undefined {
  const match = /^(dep|mem):(.*)>(.*)$/s.exec(id)
  if (!match) return undefined
  const [, prefix, from, to] = match as unknown as [string, string, ServiceName, ServiceName]
  return { kind: prefix === 'dep' ? 'dependency' : 'membership', from, to }
}
