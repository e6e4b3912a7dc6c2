/**
 * What the start and stop plans share: the resolved graph (overlay context, `base` added to
 * every user service when the project says so), the set of nodes `s6-rc -u change <targets>`
 * touches, and those nodes in an order where everything comes after what it needs.
 */
import { closureIds, isAtomic, resolveGraph } from '../graph/resolve'
import type { ResolvedGraph } from '../graph/resolve'
import type { Service, ServiceGraph, ServiceName } from '../graph/types'

export interface PlanGraph {
  r: ResolvedGraph
  /** 1 for every node reachable from the targets (bundles included). */
  inSet: Uint8Array
  /** Atomic services in the set, sorted by name. */
  atomics: number[]
  /** Nodes of the set, needs first (Kahn); nodes on or behind a cycle come last, by name. */
  order: number[]
  /** How many of `order` Kahn could place; the rest are stuck on a cycle. */
  placed: number
  /** For each node, the nodes of the set that need it. */
  needers: number[][]
}

/** Resolves `graph` and walks it from `targets` (unknown target names are ignored). */
export function planGraph(graph: ServiceGraph, targets: readonly ServiceName[]): PlanGraph {
  const r = resolveGraph(graph, { context: 'overlay' })
  const roots: number[] = []
  for (const t of targets) {
    const id = r.ids.get(t)
    if (id !== undefined) roots.push(id)
  }
  const n = r.names.length
  const inSet = new Uint8Array(n)
  const stack = [...roots]
  for (const id of roots) inSet[id] = 1
  while (stack.length > 0) {
    for (const w of r.edges[stack.pop()!]!) {
      if (!inSet[w]) {
        inSet[w] = 1
        stack.push(w)
      }
    }
  }
  const needers: number[][] = r.names.map(() => [])
  const pending = new Int32Array(n)
  const queue: number[] = []
  for (let v = 0; v < n; v++) {
    if (!inSet[v]) continue
    pending[v] = r.edges[v]!.length
    for (const w of r.edges[v]!) needers[w]!.push(v)
    if (pending[v] === 0) queue.push(v)
  }
  for (let head = 0; head < queue.length; head++) {
    for (const u of needers[queue[head]!]!) if (--pending[u]! === 0) queue.push(u)
  }
  const placed = queue.length
  if (placed < n) {
    const stuck: number[] = []
    for (let v = 0; v < n; v++) if (inSet[v] && pending[v]! > 0) stuck.push(v)
    queue.push(...stuck.sort((a, b) => r.rank[a]! - r.rank[b]!))
  }
  const atomics = closureIds(r, roots).filter((id) => isAtomic(r.kinds[id]!))
  return { r, inSet, atomics, order: queue, placed, needers }
}

/** A non-negative finite number, else undefined (plans never trust their input). */
export function nonNegative(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined
}

/** A timeout in ms as s6 reads it: a uint32, where 0 means "none" (returned as undefined). */
export function timeoutMs(value: unknown): number | undefined {
  return Number.isInteger(value) && (value as number) > 0 && (value as number) <= 0xffffffff
    ? (value as number)
    : undefined
}

/** The graph's own definition of node `id`, or undefined for overlay and pipeline nodes. */
export function ownService(graph: ServiceGraph, r: ResolvedGraph, id: number): Service | undefined {
  const name = r.names[id]!
  if (r.overlay[id] || r.kinds[id] === 'pipeline' || !Object.hasOwn(graph.services, name))
    return undefined
  return graph.services[name]
}
