/**
 * Automatic layout with dagre: left to right in start order. What starts first is on the left:
 * a dependency sits left of its dependents, members left of their bundle, a logger left of the
 * service it logs (s6-rc starts the consumer first). Pure: `graph -> positions`.
 *
 * dagre is passed in rather than imported, so the page can load it only when a layout is needed.
 */
import type dagre from '@dagrejs/dagre'
import type { ServiceGraph, ServiceName, ServiceType, XY } from './types'

/** The part of `@dagrejs/dagre` this module uses (a type only: nothing of dagre is bundled here). */
export type DagreLike = Pick<typeof dagre, 'graphlib' | 'layout'>

export interface Size {
  width: number
  height: number
}

/** Node sizes the canvas draws; the layout reserves exactly this much room. */
export const NODE_SIZES: Record<ServiceType, Size> = {
  oneshot: { width: 216, height: 68 },
  longrun: { width: 216, height: 68 },
  bundle: { width: 200, height: 60 },
}

/** The start-order edges of a graph as [earlier, later] pairs between its own services. */
export function startOrderEdges(graph: ServiceGraph): [ServiceName, ServiceName][] {
  const edges: [ServiceName, ServiceName][] = []
  const known = (n: ServiceName) => n in graph.services
  for (const [name, s] of Object.entries(graph.services)) {
    if (s.type === 'bundle') {
      for (const m of s.contents) if (known(m)) edges.push([m, name])
      continue
    }
    for (const d of s.dependencies) if (known(d)) edges.push([d, name])
    // A producer depends on its consumer: the logger starts first.
    if (s.type === 'longrun' && s.producerFor !== undefined && known(s.producerFor)) {
      edges.push([s.producerFor, name])
    }
  }
  return edges
}

/**
 * Positions (top-left corners, snapped to `grid`) for every service.
 *
 * @example
 * const dagre = await import('@dagrejs/dagre')
 * const positions = autoLayout(graph, dagre) // { 'redis-ready': { x: 0, y: 0 }, web: { x: 288, … } }
 */
export function autoLayout(
  graph: ServiceGraph,
  dagre: DagreLike,
  options: { grid?: number; rankSep?: number; nodeSep?: number } = {},
): Record<ServiceName, XY> {
  const grid = options.grid ?? 16
  const g = new dagre.graphlib.Graph<
    Record<string, unknown>,
    { width: number; height: number; x?: number; y?: number }
  >()
  g.setGraph({
    rankdir: 'LR',
    ranksep: options.rankSep ?? 80,
    nodesep: options.nodeSep ?? 28,
    marginx: 0,
    marginy: 0,
  })
  g.setDefaultEdgeLabel(() => ({}))
  // Sorted, so equal graphs always get equal layouts.
  const names = Object.keys(graph.services).sort()
  for (const name of names) {
    const s = graph.services[name]
    // A copy: dagre writes the position into the label object.
    if (s) g.setNode(name, { ...NODE_SIZES[s.type] })
  }
  for (const [from, to] of startOrderEdges(graph)) if (from !== to) g.setEdge(from, to)
  dagre.layout(g)
  const snap = (v: number) => Math.round(v / grid) * grid
  const positions: Record<ServiceName, XY> = {}
  for (const name of names) {
    const n = g.node(name)
    if (!n || n.x === undefined || n.y === undefined) continue
    positions[name] = { x: snap(n.x - n.width / 2), y: snap(n.y - n.height / 2) }
  }
  return positions
}

/** Names of services without a position. */
export function unplaced(graph: ServiceGraph): ServiceName[] {
  return Object.keys(graph.services).filter((n) => graph.layout[n] === undefined)
}

/**
 * Positions for the services that have none. With no position at all, the whole graph is laid
 * out; otherwise the missing ones take their place in a full layout, moved below what is there.
 */
export function layoutMissing(graph: ServiceGraph, dagre: DagreLike): Record<ServiceName, XY> {
  const missing = unplaced(graph)
  if (missing.length === 0) return {}
  const full = autoLayout(graph, dagre)
  const placed = Object.values(graph.layout)
  if (placed.length === 0) return full
  const bottom = Math.max(...placed.map((p) => p.y)) + 120
  const left = Math.min(...placed.map((p) => p.x))
  const top = Math.min(...missing.map((n) => full[n]?.y ?? 0))
  const result: Record<ServiceName, XY> = {}
  for (const n of missing) {
    const p = full[n] ?? { x: 0, y: 0 }
    result[n] = { x: p.x + left, y: p.y - top + bottom }
  }
  return result
}
