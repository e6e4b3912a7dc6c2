/**
 * What the start and stop plans share: the resolved graph (overlay context, `base` added to
 * every user service when the project says so), the set of nodes `s6-rc -u change <targets>`
 * touches, and those nodes in an order where everything comes after what it needs.
 */
import { isAtomic, resolveGraph } from '../graph/resolve'
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
  /**
   * The nodes of the set that need node v: `neederList[neederStart[v]]` up to (excluding)
   * `neederList[neederStart[v + 1]]` (flat arrays: no per-node allocation).
   */
  neederStart: Int32Array
  neederList: Int32Array
}

/**
 * Resolves `graph` (overlay context, `base` per the project) and walks it from `targets`
 * (unknown target names are ignored). `resolved` reuses a resolution made with those options.
 */
export function planGraph(
  graph: ServiceGraph,
  targets: readonly ServiceName[],
  resolved?: ResolvedGraph,
): PlanGraph {
  const r = resolved ?? resolveGraph(graph, { context: 'overlay' })
  const n = r.names.length
  const inSet = new Uint8Array(n)
  const stack: number[] = []
  for (const t of targets) {
    const id = r.ids.get(t)
    if (id !== undefined && !inSet[id]) {
      inSet[id] = 1
      stack.push(id)
    }
  }
  while (stack.length > 0) {
    const v = stack.pop()!
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
      const w = r.edgeList[i]!
      if (!inSet[w]) {
        inSet[w] = 1
        stack.push(w)
      }
    }
  }
  const neederStart = new Int32Array(n + 1)
  const pending = new Int32Array(n)
  for (let v = 0; v < n; v++) {
    if (!inSet[v]) continue
    pending[v] = r.edgeStart[v + 1]! - r.edgeStart[v]!
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) neederStart[r.edgeList[i]! + 1]!++
  }
  for (let v = 0; v < n; v++) neederStart[v + 1]! += neederStart[v]!
  const neederList = new Int32Array(neederStart[n]!)
  const fill = neederStart.slice(0, n)
  const order: number[] = []
  const atomics: number[] = []
  for (let v = 0; v < n; v++) {
    if (!inSet[v]) continue
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++)
      neederList[fill[r.edgeList[i]!]!++] = v
    if (pending[v] === 0) order.push(v)
    if (isAtomic(r.kinds[v]!)) atomics.push(v)
  }
  for (let head = 0; head < order.length; head++) {
    const v = order[head]!
    for (let i = neederStart[v]!; i < neederStart[v + 1]!; i++) {
      const u = neederList[i]!
      if (--pending[u]! === 0) order.push(u)
    }
  }
  const placed = order.length
  const stuck: number[] = []
  for (let v = 0; v < n; v++) if (inSet[v] && pending[v]! > 0) stuck.push(v)
  stuck.sort((a, b) => r.rank[a]! - r.rank[b]!)
  for (const v of stuck) order.push(v)
  atomics.sort((a, b) => r.rank[a]! - r.rank[b]!)
  return { r, inSet, atomics, order, placed, neederStart, neederList }
}

/** Plans already made, per resolution and key (targets, and whatever else the plan reads). */
const kept = new WeakMap<ResolvedGraph, Map<string, unknown>>()

/**
 * The plan `make` returns for resolution `r` and `key`, made once: validation's stop plan is
 * the one the designer shows, when the two share a resolution. Plans are read-only values.
 */
export function keptPlan<T>(r: ResolvedGraph, key: string, make: () => T): T {
  let plans = kept.get(r)
  if (!plans) kept.set(r, (plans = new Map()))
  if (!plans.has(key)) plans.set(key, make())
  return plans.get(key) as T
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

/**
 * The graph's own definition of node `id`, or undefined for overlay and pipeline nodes (the
 * resolution kept it: no lookup by name in a map of thousands of services).
 */
export function ownService(r: ResolvedGraph, id: number): Service | undefined {
  return r.overlay[id] ? undefined : r.defs[id]
}
