/**
 * Ordering and cycle finding on a resolved graph (lib/graph/resolve.ts): Tarjan's strongly
 * connected components, a shortest cycle through a chosen node, and Kahn's algorithm with ties
 * broken by name. All iterative (no recursion depth limit) and linear in nodes + edges, except
 * the name-ordered Kahn, which pays a log factor for its heap.
 */
import { edgeKind } from './resolve'
import type { EdgeKind, ResolvedGraph } from './resolve'
import type { ServiceName } from './types'

const atomic = (r: ResolvedGraph, id: number) =>
  r.kinds[id] === 'oneshot' || r.kinds[id] === 'longrun'

/** Whether node `v` has an edge to itself. */
function selfLoop(r: ResolvedGraph, v: number): boolean {
  for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) if (r.edgeList[i] === v) return true
  return false
}

/**
 * The knots among the nodes `include` accepts: strongly connected components that hold a
 * cycle (two nodes or more, or one with an edge to itself). Tarjan, iterative; a node on no
 * cycle allocates nothing (a graph of thousands has thousands of those).
 */
export function knots(r: ResolvedGraph, include: (id: number) => boolean): number[][] {
  const n = r.names.length
  const index = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const stack: number[] = []
  const frames: number[] = []
  const positions: number[] = []
  const components: number[][] = []
  let counter = 0
  const visit = (v: number) => {
    index[v] = low[v] = counter++
    stack.push(v)
    onStack[v] = 1
    frames.push(v)
    positions.push(r.edgeStart[v]!)
  }
  for (let root = 0; root < n; root++) {
    if (!include(root) || index[root] !== -1) continue
    visit(root)
    while (frames.length > 0) {
      const v = frames[frames.length - 1]!
      const i = positions[positions.length - 1]!
      if (i < r.edgeStart[v + 1]!) {
        positions[positions.length - 1] = i + 1
        const w = r.edgeList[i]!
        if (!include(w)) continue
        if (index[w] === -1) visit(w)
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!)
        continue
      }
      frames.pop()
      positions.pop()
      const parent = frames[frames.length - 1]
      if (parent !== undefined) low[parent] = Math.min(low[parent]!, low[v]!)
      if (low[v] === index[v]) {
        if (stack[stack.length - 1] === v && !selfLoop(r, v)) {
          stack.pop()
          onStack[v] = 0
          continue
        }
        const component: number[] = []
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          component.push(w)
        } while (w !== v)
        components.push(component)
      }
    }
  }
  return components
}

/** A cycle as names, closed (`[a, b, a]`), with the kind of each of its edges. */
export interface CyclePath {
  names: ServiceName[]
  kinds: EdgeKind[]
}

/** The shortest cycle from `start` back to itself, staying inside `member` nodes (BFS). */
export function cycleThrough(
  r: ResolvedGraph,
  start: number,
  member: (id: number) => boolean,
): CyclePath | undefined {
  const parent = new Map<number, number>()
  const queue = [start]
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
      const w = r.edgeList[i]!
      if (w === start) {
        const ids = [start]
        for (let x = v; x !== start; x = parent.get(x)!) ids.push(x)
        ids.push(start)
        ids.reverse()
        const kinds = ids.slice(1).map((id, i) => edgeKind(r, ids[i]!, id))
        return { names: ids.map((id) => r.names[id]!), kinds }
      }
      if (member(w) && !parent.has(w)) {
        parent.set(w, v)
        queue.push(w)
      }
    }
  }
  return undefined
}

/**
 * One cycle per knot (strongly connected component), sorted by its first name.
 * `dependency`: knots that hold an atomic service, each shown from its first atomic name (a
 * graph-defined one rather than an s6-overlay one).
 * `bundle`: knots of bundles only (bundle cycles).
 */
export function findCycles(r: ResolvedGraph, mode: 'dependency' | 'bundle'): CyclePath[] {
  const include = mode === 'bundle' ? (id: number) => r.kinds[id] === 'bundle' : () => true
  const componentOf = new Int32Array(r.names.length).fill(-1)
  const cycles: CyclePath[] = []
  knots(r, include).forEach((component, c) => {
    for (const id of component) componentOf[id] = c
    const atomics = mode === 'bundle' ? component : component.filter((id) => atomic(r, id))
    // Start from a service of the graph rather than one of s6-overlay's, when there is one.
    const own = atomics.filter((id) => !r.overlay[id])
    const candidates = own.length > 0 ? own : atomics
    if (candidates.length === 0) return
    const start = candidates.reduce((a, b) => (r.rank[a]! <= r.rank[b]! ? a : b))
    const path = cycleThrough(r, start, (id) => componentOf[id] === c && include(id))
    if (path) cycles.push(path)
  })
  return cycles.sort((a, b) => (a.names[0]! < b.names[0]! ? -1 : a.names[0]! > b.names[0]! ? 1 : 0))
}

/** A binary min-heap of node ids ordered by name rank. */
class RankHeap {
  private items: number[] = []
  constructor(private readonly rank: Int32Array) {}
  get size(): number {
    return this.items.length
  }
  push(id: number): void {
    const a = this.items
    a.push(id)
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1
      if (this.rank[a[p]!]! <= this.rank[a[i]!]!) break
      ;[a[p], a[i]] = [a[i]!, a[p]!]
      i = p
    }
  }
  pop(): number {
    const a = this.items
    const top = a[0]!
    const last = a.pop()!
    if (a.length > 0) {
      a[0] = last
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const rgt = l + 1
        let m = i
        if (l < a.length && this.rank[a[l]!]! < this.rank[a[m]!]!) m = l
        if (rgt < a.length && this.rank[a[rgt]!]! < this.rank[a[m]!]!) m = rgt
        if (m === i) break
        ;[a[m], a[i]] = [a[i]!, a[m]!]
        i = m
      }
    }
    return top
  }
}

/**
 * Kahn's algorithm, needs first, in no particular order among ready nodes (linear). Nodes on
 * or behind a cycle are left out.
 */
export function needsFirst(r: ResolvedGraph): number[] {
  const n = r.names.length
  const pending = new Int32Array(n)
  const { start, list } = reverseEdges(r)
  const order: number[] = []
  for (let v = 0; v < n; v++) {
    pending[v] = r.edgeStart[v + 1]! - r.edgeStart[v]!
    if (pending[v] === 0) order.push(v)
  }
  for (let head = 0; head < order.length; head++) {
    const v = order[head]!
    for (let i = start[v]!; i < start[v + 1]!; i++)
      if (--pending[list[i]!]! === 0) order.push(list[i]!)
  }
  return order
}

/** The reversed edges ("needed by"), flat like `edgeList`: node v's at list[start[v]…start[v+1]). */
export function reverseEdges(r: ResolvedGraph): { start: Int32Array; list: Int32Array } {
  const n = r.names.length
  const start = new Int32Array(n + 1)
  for (let i = 0; i < r.edgeList.length; i++) start[r.edgeList[i]! + 1]!++
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!
  const fill = start.slice(0, n)
  const list = new Int32Array(r.edgeList.length)
  for (let v = 0; v < n; v++) {
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) list[fill[r.edgeList[i]!]!++] = v
  }
  return { start, list }
}

/**
 * Kahn's algorithm, needs first, always taking the smallest name that is ready. Returns every
 * node it could order; nodes on or behind a cycle are left out.
 */
export function orderByName(r: ResolvedGraph): number[] {
  const n = r.names.length
  const pending = new Int32Array(n)
  const { start, list } = reverseEdges(r)
  for (let v = 0; v < n; v++) pending[v] = r.edgeStart[v + 1]! - r.edgeStart[v]!
  const heap = new RankHeap(r.rank)
  for (let v = 0; v < n; v++) if (pending[v] === 0) heap.push(v)
  const order: number[] = []
  while (heap.size > 0) {
    const v = heap.pop()
    order.push(v)
    for (let i = start[v]!; i < start[v + 1]!; i++)
      if (--pending[list[i]!]! === 0) heap.push(list[i]!)
  }
  return order
}
