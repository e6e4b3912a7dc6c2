/**
 * Name resolution as s6-rc-compile does it (FORMAT §3), shared by validation and planning.
 *
 * The graph becomes one directed graph of integer nodes: every oneshot, longrun and bundle the
 * user defines, every automatic pipeline bundle (`pipeline-name`), and in the s6-overlay
 * context the overlay's own services (`top`, `base`, `fix-attrs`, `legacy-cont-init`,
 * `legacy-services`, and `user`/`user2` when the graph does not define them). An edge means
 * "needs": an atomic service needs its dependencies, a bundle needs its members.
 *
 * Bundles stay nodes instead of being expanded into every dependent, so everything here is
 * linear in services + edges. A cycle in this graph is exactly what s6-rc-compile rejects:
 * through bundles only it is a bundle cycle, through an atomic service a dependency cycle
 * (a dependency on a bundle means a dependency on all its atomic members).
 *
 * Implicit edges (RC-C `add_longrun`): a producer needs its consumer, so the logger starts first
 * and stops last; with `dependOnBase` every user oneshot and longrun needs `base`, as the
 * exporter writes `dependencies.d/base`. s6-rc's internal `s6rc-oneshot-runner` and
 * `s6rc-fdholder` edges are left out: they are always up before anything else.
 */
import { OVERLAY_SERVICES } from './overlay'
import { findCycles, orderByName, reverseEdges } from './resolve-order'
import { USER_BUNDLE, compareNames } from './service-graph'
import type { Longrun, Service, ServiceGraph, ServiceName } from './types'

export type NodeKind = 'oneshot' | 'longrun' | 'bundle' | 'pipeline'
/** Why an edge exists: a declared dependency, bundle membership, producer -> consumer, or base. */
export type EdgeKind = 'dependency' | 'member' | 'producer' | 'base'

export interface ResolveOptions {
  /** `overlay` (default) adds s6-overlay's own services; `plain` is bare s6-rc. */
  context?: 'overlay' | 'plain'
  /** Every graph-defined atomic service needs `base` (overlay only). Default: `project.dependOnBase`. */
  implicitBase?: boolean
  /** Producers whose implicit edge to their consumer is left out (used for pipeline cycles). */
  skipProducerEdges?: ReadonlySet<ServiceName>
}

export interface ResolvedGraph {
  /** Node names; a node's id is its index. */
  names: ServiceName[]
  kinds: NodeKind[]
  /** Defined by s6-overlay rather than by the graph. */
  overlay: boolean[]
  ids: Map<ServiceName, number>
  /**
   * Out-edges ("needs"), deduplicated, in declaration order, as one flat list: node v's are
   * `edgeList[edgeStart[v]]` up to (excluding) `edgeList[edgeStart[v + 1]]`. `edgeKind` tells why.
   */
  edgeStart: Int32Array
  edgeList: Int32Array
  /** The graph's definition of each node (undefined for overlay and pipeline nodes). */
  defs: (Service | undefined)[]
  /** Each node's position in name order, for deterministic tie-breaking. */
  rank: Int32Array
}

/** Whether a node is a oneshot or a longrun. */
export function isAtomic(kind: NodeKind): boolean {
  return kind === 'oneshot' || kind === 'longrun'
}

function lastConsumer(s: Longrun): boolean {
  return (s.consumerFor ?? []).length > 0 && !s.producerFor
}

/** Resolutions with the default options, per graph object and context. */
const resolutions = new WeakMap<ServiceGraph, Partial<Record<'overlay' | 'plain', ResolvedGraph>>>()

/**
 * Resolves a graph into nodes and edges. Unknown names are skipped (validation reports them);
 * overlay-defined names always resolve to the overlay's definition.
 *
 * With the default options the result is kept per graph object: the start plan, the stop plan
 * and the process tree of one graph share it, as the designer's previews do after each edit.
 * Graphs are values (every operation returns a new one), and the result is read-only.
 */
export function resolveGraph(graph: ServiceGraph, options: ResolveOptions = {}): ResolvedGraph {
  const context = options.context ?? 'overlay'
  const base = context === 'overlay' && Boolean(graph.project.dependOnBase)
  const defaults =
    (options.implicitBase === undefined || options.implicitBase === base) &&
    (options.skipProducerEdges === undefined || options.skipProducerEdges.size === 0)
  if (!defaults) return resolveNow(graph, options)
  let kept = resolutions.get(graph)
  if (!kept) resolutions.set(graph, (kept = {}))
  return (kept[context] ??= resolveNow(graph, { context }))
}

/**
 * Gives `to` the resolution of `from` (overlay context, default options), for a graph known to
 * resolve exactly the same: validation checks a copy of its input and then lets the plans of
 * the input use what it resolved, instead of resolving the same services again.
 */
export function shareResolution(from: ServiceGraph, to: ServiceGraph): void {
  const r = resolveGraph(from)
  let kept = resolutions.get(to)
  if (!kept) resolutions.set(to, (kept = {}))
  kept.overlay ??= r
}

function resolveNow(graph: ServiceGraph, options: ResolveOptions): ResolvedGraph {
  const overlayContext = (options.context ?? 'overlay') === 'overlay'
  const implicitBase = overlayContext && (options.implicitBase ?? graph.project.dependOnBase)
  const names: ServiceName[] = []
  const kinds: NodeKind[] = []
  const overlay: boolean[] = []
  const defs: (Service | undefined)[] = []
  const ids = new Map<ServiceName, number>()
  const add = (name: ServiceName, kind: NodeKind, isOverlay: boolean, def?: Service) => {
    if (ids.has(name)) return
    ids.set(name, names.length)
    names.push(name)
    kinds.push(kind)
    overlay.push(isOverlay)
    defs.push(def)
  }
  if (overlayContext) {
    for (const name of Object.keys(OVERLAY_SERVICES)) add(name, OVERLAY_SERVICES[name]!.type, true)
  }
  const lastConsumers: ServiceName[] = []
  for (const name of Object.keys(graph.services)) {
    const s = graph.services[name]!
    add(name, s.type, false, s)
    if (s.type === 'longrun' && s.pipelineName && lastConsumer(s)) lastConsumers.push(name)
  }
  if (overlayContext) {
    add(USER_BUNDLE, 'bundle', true)
    add('user2', 'bundle', true)
  }
  // The first consumer by name gets a contested pipeline name (validation reports the clash).
  const firstPipeline = names.length
  const pipelineConsumers: ServiceName[] = []
  for (const name of lastConsumers.sort(compareNames)) {
    const pipelineName = (graph.services[name] as Longrun).pipelineName!
    if (ids.has(pipelineName)) continue
    add(pipelineName, 'pipeline', false)
    pipelineConsumers.push(name)
  }

  // Edges in one flat list, node after node (no array per node): edgeStart[id] is where node
  // id's edges begin. Each node's edges are added in one go, so "already linked from this
  // node" is one stamp.
  const n = names.length
  const edgeStart = new Int32Array(n + 1)
  const list: number[] = []
  const linkedFrom = new Int32Array(n).fill(-1)
  const link = (from: number, to: ServiceName) => {
    const id = ids.get(to)
    if (id === undefined || linkedFrom[id] === from) return
    linkedFrom[id] = from
    list.push(id)
  }
  for (let id = 0; id < n; id++) {
    edgeStart[id] = list.length
    if (id >= firstPipeline) {
      for (const member of pipelineMembers(graph, pipelineConsumers[id - firstPipeline]!)) {
        link(id, member)
      }
      continue
    }
    if (overlay[id]) {
      const def = OVERLAY_SERVICES[names[id]!]
      if (def?.type === 'bundle') for (const m of def.contents) link(id, m)
      if (def?.type === 'oneshot') for (const d of def.dependencies) link(id, d)
      continue
    }
    const s = defs[id]
    if (!s) continue
    if (s.type === 'bundle') {
      for (const m of s.contents) link(id, m)
      continue
    }
    for (const d of s.dependencies) link(id, d)
    if (s.type === 'longrun' && s.producerFor && !options.skipProducerEdges?.has(names[id]!)) {
      const consumer = ids.get(s.producerFor)
      if (consumer !== undefined && kinds[consumer] === 'longrun') link(id, s.producerFor)
    }
    if (implicitBase) link(id, 'base')
  }
  edgeStart[n] = list.length
  const edgeList = Int32Array.from(list)
  // The native string sort orders by UTF-16 code units, exactly like compareNames, but faster.
  const sorted = names.slice().sort()
  const rank = new Int32Array(names.length)
  for (let position = 0; position < sorted.length; position++) {
    rank[ids.get(sorted[position]!)!] = position
  }
  return { names, kinds, overlay, ids, edgeStart, edgeList, defs, rank }
}

/** Node `id`'s out-edges as a new array (for tests and rare callers; loops use edgeStart). */
export function needsOf(r: ResolvedGraph, id: number): number[] {
  return Array.from(r.edgeList.subarray(r.edgeStart[id]!, r.edgeStart[id + 1]!))
}

/** Why node `from` needs node `to` (one of its out-edges). */
export function edgeKind(r: ResolvedGraph, from: number, to: number): EdgeKind {
  if (r.kinds[from] === 'bundle' || r.kinds[from] === 'pipeline') return 'member'
  const def = r.defs[from]
  if (!def || def.type === 'bundle') return 'dependency'
  const name = r.names[to]!
  if (def.dependencies.includes(name)) return 'dependency'
  if (def.type === 'longrun' && def.producerFor === name) return 'producer'
  return name === 'base' ? 'base' : 'dependency'
}

/**
 * The longruns of the pipeline that ends at `consumer`: the consumer and, recursively, every
 * producer feeding it (RC-C `add_tree_to_bundle_rec`), sorted by name.
 */
export function pipelineMembers(graph: ServiceGraph, consumer: ServiceName): ServiceName[] {
  const seen = new Set<ServiceName>([consumer])
  const stack = [consumer]
  while (stack.length > 0) {
    const s = graph.services[stack.pop()!]
    if (s?.type !== 'longrun') continue
    for (const p of s.consumerFor ?? []) {
      if (!seen.has(p) && Object.hasOwn(graph.services, p)) {
        seen.add(p)
        stack.push(p)
      }
    }
  }
  return [...seen].filter((n) => graph.services[n]?.type === 'longrun').sort(compareNames)
}

/**
 * Atomic services reached from `roots` over every edge: what `s6-rc -u change <roots>` brings
 * up (bundles expanded, dependencies pulled in transitively, a producer's consumer included).
 * Returned as ids sorted by name.
 */
export function closureIds(r: ResolvedGraph, roots: readonly number[]): number[] {
  const seen = new Uint8Array(r.names.length)
  const stack: number[] = []
  for (const id of roots) {
    if (!seen[id]) {
      seen[id] = 1
      stack.push(id)
    }
  }
  const atomics: number[] = []
  while (stack.length > 0) {
    const id = stack.pop()!
    if (isAtomic(r.kinds[id]!)) atomics.push(id)
    for (let i = r.edgeStart[id]!; i < r.edgeStart[id + 1]!; i++) {
      const next = r.edgeList[i]!
      if (!seen[next]) {
        seen[next] = 1
        stack.push(next)
      }
    }
  }
  return atomics.sort((a, b) => r.rank[a]! - r.rank[b]!)
}

/**
 * A node's direct atomic needs: its out-edges with bundles and pipelines expanded to their
 * atomic members (nested ones too), sorted by name. `seen`/`stamp` let callers reuse one buffer
 * across nodes so the total work stays linear in the output.
 */
export function directAtomicNeeds(
  r: ResolvedGraph,
  id: number,
  seen: Int32Array,
  stamp: number,
): number[] {
  const from = r.edgeStart[id]!
  const to = r.edgeStart[id + 1]!
  const out: number[] = []
  let nested = false
  for (let i = from; i < to; i++) {
    const w = r.edgeList[i]!
    if (isAtomic(r.kinds[w]!)) out.push(w)
    else nested = true
  }
  if (!nested) return sortByRank(r, out)
  out.length = 0
  const stack = Array.from(r.edgeList.subarray(from, to))
  seen[id] = stamp
  while (stack.length > 0) {
    const next = stack.pop()!
    if (seen[next] === stamp) continue
    seen[next] = stamp
    if (isAtomic(r.kinds[next]!)) out.push(next)
    else
      for (let i = r.edgeStart[next]!; i < r.edgeStart[next + 1]!; i++) stack.push(r.edgeList[i]!)
  }
  return sortByRank(r, out)
}

/** Sorts ids by name rank in place: insertion sort for the usual handful, else Array.sort. */
export function sortByRank(r: ResolvedGraph, ids: number[]): number[] {
  if (ids.length > 16) return ids.sort((a, b) => r.rank[a]! - r.rank[b]!)
  for (let i = 1; i < ids.length; i++) {
    const id = ids[i]!
    let j = i - 1
    while (j >= 0 && r.rank[ids[j]!]! > r.rank[id]!) {
      ids[j + 1] = ids[j]!
      j--
    }
    ids[j + 1] = id
  }
  return ids
}

/** Ids of names that exist in the resolved graph, in the given order. */
export function idsOf(r: ResolvedGraph, names: readonly ServiceName[]): number[] {
  const out: number[] = []
  for (const n of names) {
    const id = r.ids.get(n)
    if (id !== undefined) out.push(id)
  }
  return out
}

/**
 * Every node that needs `name`, directly or through others (bundles that contain it, their
 * bundles, pipelines, s6-overlay's `top`…): none of them may become one of `name`'s needs, as
 * that would close a cycle. One walk of the reversed edges, for a whole list of candidates.
 *
 * @example
 * needersOf(graph, 'web') // Set { 'user', 'top' } when only the user bundle holds web
 */
export function needersOf(graph: ServiceGraph, name: ServiceName): Set<ServiceName> {
  const r = resolveGraph(graph)
  const id = r.ids.get(name)
  if (id === undefined) return new Set()
  return new Set(neededByIds(r, [id]).map((w) => r.names[w]!))
}

/**
 * The nodes that need any of `seeds`, directly or through others, in the order one walk of the
 * reversed edges reaches them (the seeds left out). `reverse`: reverseEdges(r), when the caller
 * has it already.
 */
export function neededByIds(
  r: ResolvedGraph,
  seeds: readonly number[],
  reverse: { start: Int32Array; list: Int32Array } = reverseEdges(r),
): number[] {
  const { start, list } = reverse
  const seen = new Uint8Array(r.names.length)
  for (const id of seeds) seen[id] = 1
  const stack = [...seeds]
  const out: number[] = []
  while (stack.length > 0) {
    const v = stack.pop()!
    for (let i = start[v]!; i < start[v + 1]!; i++) {
      const w = list[i]!
      if (seen[w]) continue
      seen[w] = 1
      out.push(w)
      stack.push(w)
    }
  }
  return out
}

/** The result of `topologicalOrder`. A cycle is closed: `['a', 'b', 'a']`. */
export type OrderResult = { ok: true; order: ServiceName[] } | { ok: false; cycle: ServiceName[] }

/**
 * The graph's oneshots and longruns, every service after what it needs (dependencies through
 * bundles, a producer after its consumer), ties broken by name. With a dependency or bundle
 * cycle, returns the first cycle instead. Overlay services are left out unless `includeOverlay`.
 *
 * @example
 * topologicalOrder(graph) // { ok: true, order: ['config-check', 'redis-ready', 'scheduler', 'web', 'worker'] }
 */
export function topologicalOrder(
  graph: ServiceGraph,
  options: ResolveOptions & { includeOverlay?: boolean } = {},
): OrderResult {
  const r = resolveGraph(graph, options)
  const ordered = orderByName(r)
  if (ordered.length < r.names.length) {
    const cycle = findCycles(r, 'dependency')[0] ?? findCycles(r, 'bundle')[0]
    if (cycle) return { ok: false, cycle: cycle.names }
  }
  const order = ordered
    .filter((id) => isAtomic(r.kinds[id]!) && (options.includeOverlay || !r.overlay[id]))
    .map((id) => r.names[id]!)
  return { ok: true, order }
}
