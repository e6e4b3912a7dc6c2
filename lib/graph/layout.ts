/**
 * Automatic layout with dagre: left to right in start order. What starts first is on the left:
 * a dependency sits left of its dependents, members left of their bundle, a logger left of the
 * service it logs (s6-rc starts the consumer first). Pure: `graph -> positions`.
 *
 * dagre is passed in rather than imported, so the page can load it only when a layout is needed.
 */
import type dagre from '@dagrejs/dagre'
import type { ServiceGraph, ServiceName, ServiceType, XY } from './types'
import { pipelineMembers } from './resolve'
import { pipelineOwners } from './service-graph'

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

/** Room kept free around a node placed by `freeSpot`. */
const SPOT_GAP = 24

/** A rectangle in flow coordinates. */
export interface Area {
  x: number
  y: number
  width: number
  height: number
}

/**
 * Where a new node of `type` goes: the spot on the `grid` nearest to `centre` (the node's middle
 * there) where its box, with a gap around it, overlaps no node of the graph; inside `within`
 * (what the user sees) when there is such a spot there. Looks in rings of half a node around
 * `centre`; on a canvas too crowded for that, `centre` itself.
 */
export function freeSpot(
  graph: ServiceGraph,
  centre: XY,
  type: ServiceType,
  within?: Area,
  grid = 16,
): XY {
  const size = NODE_SIZES[type]
  const boxes: { x: number; y: number; right: number; bottom: number }[] = []
  for (const [name, p] of Object.entries(graph.layout)) {
    const s = NODE_SIZES[graph.services[name]?.type ?? 'longrun']
    boxes.push({ x: p.x, y: p.y, right: p.x + s.width, bottom: p.y + s.height })
  }
  const snap = (v: number) => Math.round(v / grid) * grid
  const origin = { x: snap(centre.x - size.width / 2), y: snap(centre.y - size.height / 2) }
  const free = (p: XY) =>
    boxes.every(
      (b) =>
        p.x >= b.right + SPOT_GAP ||
        p.x + size.width + SPOT_GAP <= b.x ||
        p.y >= b.bottom + SPOT_GAP ||
        p.y + size.height + SPOT_GAP <= b.y,
    )
  const inside = (p: XY) =>
    within === undefined ||
    (p.x >= within.x &&
      p.y >= within.y &&
      p.x + size.width <= within.x + within.width &&
      p.y + size.height <= within.y + within.height)
  const dx = snap((size.width + SPOT_GAP) / 2)
  const dy = snap((size.height + SPOT_GAP) / 2)
  const d = (p: XY) => (p.x - origin.x) ** 2 + (p.y - origin.y) ** 2
  const search = (ok: (p: XY) => boolean): XY | undefined => {
    if (ok(origin)) return origin
    for (let ring = 1; ring <= 30; ring++) {
      const spots: XY[] = []
      for (let i = -ring; i <= ring; i++)
        for (let j = -ring; j <= ring; j++)
          if (Math.max(Math.abs(i), Math.abs(j)) === ring)
            spots.push({ x: origin.x + i * dx, y: origin.y + j * dy })
      spots.sort((a, b) => d(a) - d(b) || a.y - b.y || a.x - b.x)
      const spot = spots.find(ok)
      if (spot) return spot
    }
    return undefined
  }
  return search((p) => inside(p) && free(p)) ?? search(free) ?? origin
}

/** The start-order edges of a graph as [earlier, later] pairs between its own services. */
export function startOrderEdges(graph: ServiceGraph): [ServiceName, ServiceName][] {
  const edges: [ServiceName, ServiceName][] = []
  const known = (n: ServiceName) => n in graph.services
  // A bundle that lists a pipeline by its name comes after the pipeline's services.
  const pipelines = pipelineOwners(graph)
  for (const [name, s] of Object.entries(graph.services)) {
    if (s.type === 'bundle') {
      for (const m of s.contents) {
        if (known(m)) edges.push([m, name])
        else {
          const consumer = pipelines.get(m)
          if (consumer !== undefined)
            for (const p of pipelineMembers(graph, consumer)) edges.push([p, name])
        }
      }
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
  const edges = startOrderEdges(graph).filter(([from, to]) => from !== to)
  for (const [from, to] of edges) g.setEdge(from, to)
  let placed: Placed[] = []
  try {
    dagre.layout(g)
    for (const name of names) {
      const n = g.node(name)
      if (!n || n.x === undefined || n.y === undefined) continue
      placed.push({ name, x: n.x - n.width / 2, y: n.y - n.height / 2, centreX: n.x })
    }
  } catch {
    // dagre recurses along paths: a chain of a few thousand services overflows the stack.
    placed = rankColumns(graph, names, edges, options.rankSep ?? 80, options.nodeSep ?? 28)
  }
  foldTallRanks(placed, columnLimit(placed.length), options.nodeSep ?? 28)
  const snap = (v: number) => Math.round(v / grid) * grid
  const positions: Record<ServiceName, XY> = {}
  for (const p of placed) positions[p.name] = { x: snap(p.x), y: snap(p.y) }
  return positions
}

/** A node as dagre placed it: top-left corner, and the centre line of its rank. */
interface Placed {
  name: ServiceName
  x: number
  y: number
  centreX: number
}

/**
 * The layout when dagre cannot make one: each service in the column of its longest chain of
 * start-order edges (services on a cycle in one last column), in name order down each column.
 * Iterative, so no design is too deep for it.
 */
function rankColumns(
  graph: ServiceGraph,
  names: readonly ServiceName[],
  edges: readonly [ServiceName, ServiceName][],
  rankSep: number,
  nodeSep: number,
): Placed[] {
  const next = new Map<ServiceName, ServiceName[]>()
  const waiting = new Map<ServiceName, number>(names.map((n) => [n, 0]))
  for (const [from, to] of edges) {
    if (!waiting.has(from) || !waiting.has(to)) continue
    next.set(from, [...(next.get(from) ?? []), to])
    waiting.set(to, (waiting.get(to) ?? 0) + 1)
  }
  const rank = new Map<ServiceName, number>()
  const ready = names.filter((n) => waiting.get(n) === 0)
  for (const n of ready) rank.set(n, 0)
  for (let i = 0; i < ready.length; i++) {
    const from = ready[i] as ServiceName
    for (const to of next.get(from) ?? []) {
      rank.set(to, Math.max(rank.get(to) ?? 0, (rank.get(from) ?? 0) + 1))
      const left = (waiting.get(to) ?? 0) - 1
      waiting.set(to, left)
      if (left === 0) ready.push(to)
    }
  }
  const last = Math.max(-1, ...rank.values()) + 1
  const columns: ServiceName[][] = []
  for (const n of names) (columns[rank.get(n) ?? last] ??= []).push(n)
  const placed: Placed[] = []
  columns.forEach((column, r) =>
    column.forEach((name, row) => {
      // Centred on the column's line, as dagre centres a rank.
      const size = NODE_SIZES[graph.services[name]?.type ?? 'longrun']
      const centreX = r * (CELL.width + rankSep) + CELL.width / 2
      placed.push({ name, x: centreX - size.width / 2, y: row * (CELL.height + nodeSep), centreX })
    }),
  )
  return placed
}

/** The widest and tallest node the canvas draws. */
const CELL = {
  width: Math.max(...Object.values(NODE_SIZES).map((s) => s.width)),
  height: Math.max(...Object.values(NODE_SIZES).map((s) => s.height)),
}

/** Gap between the columns a tall rank is folded into (less than between ranks). */
const FOLD_GAP = 40

/**
 * How many nodes one rank may stack before it is folded: a rank of hundreds of services (all
 * the workers that need one oneshot, say) would be one strip far taller than any screen, and
 * even the overview could not show it legibly. Grows with the design, so that a folded layout
 * stays about as wide as it is tall.
 */
export function columnLimit(count: number): number {
  return Math.max(12, Math.ceil(Math.sqrt(count) * 1.5))
}

/**
 * Folds each rank (dagre's column: one centre line) of more than `limit` nodes into several
 * columns side by side, in dagre's order (top to bottom, then the next column), and moves the
 * later ranks right by the room that takes: start order still reads left to right.
 */
function foldTallRanks(placed: Placed[], limit: number, nodeSep: number): void {
  const ranks = new Map<number, Placed[]>()
  for (const p of placed) {
    const rank = ranks.get(p.centreX)
    if (rank) rank.push(p)
    else ranks.set(p.centreX, [p])
  }
  let shift = 0
  for (const centre of [...ranks.keys()].sort((a, b) => a - b)) {
    const rank = ranks.get(centre)!
    const left = Math.min(...rank.map((p) => p.x))
    if (rank.length <= limit) {
      for (const p of rank) p.x += shift
      continue
    }
    rank.sort((a, b) => a.y - b.y || (a.name < b.name ? -1 : 1))
    const columns = Math.ceil(rank.length / limit)
    const rows = Math.ceil(rank.length / columns)
    const pitch = CELL.height + nodeSep
    const middle = (rank[0]!.y + rank[rank.length - 1]!.y + CELL.height) / 2
    const top = middle - (rows * pitch - nodeSep) / 2
    rank.forEach((p, i) => {
      const column = Math.floor(i / rows)
      p.x = left + shift + column * (CELL.width + FOLD_GAP)
      p.y = top + (i % rows) * pitch
    })
    shift += (columns - 1) * (CELL.width + FOLD_GAP)
  }
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
