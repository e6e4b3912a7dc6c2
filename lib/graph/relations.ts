/**
 * What a service is tied to, as s6-rc sees it (FORMAT §3, §4): what lists it directly, what
 * `s6-rc -d change <it>` stops with it (everything that needs it, through bundles too), and
 * what `s6-rc -u change <it>` starts with it (everything it needs). The inspector shows it,
 * so that a user sees the blast radius of a service before changing or removing it.
 */
import { closureIds, isAtomic, neededByIds, resolveGraph } from './resolve'
import { reverseEdges } from './resolve-order'
import { USER_BUNDLE } from './service-graph'
import type { ServiceGraph, ServiceName } from './types'

export interface Relations {
  /**
   * What names the service directly, sorted: services that depend on it, bundles that contain
   * it, a producer it logs for, its pipeline, and s6-overlay's `user` and `top` bundles.
   */
  neededBy: ServiceName[]
  /**
   * The design's oneshots and longruns `s6-rc -d change <it>` stops, other than itself: what
   * needs it (for a bundle: its members and what needs them), sorted.
   */
  stops: ServiceName[]
  /**
   * The oneshots and longruns `s6-rc -u change <it>` starts, other than itself: what it needs,
   * s6-overlay's included (for a bundle: its members and their needs), sorted.
   */
  starts: ServiceName[]
}

const NONE: Relations = { neededBy: [], stops: [], starts: [] }

/**
 * The relations of `name` in `graph` (overlay context, `base` as the project says). A name the
 * graph does not define has none. Cycles are fine: each node is visited once.
 *
 * @example
 * relationsOf(graph, 'redis-ready') // { neededBy: ['web', 'worker'], stops: ['web', 'worker'], starts: [] }
 */
export function relationsOf(graph: ServiceGraph, name: ServiceName): Relations {
  if (!Object.hasOwn(graph.services, name)) return NONE
  const r = resolveGraph(graph)
  const id = r.ids.get(name)
  if (id === undefined) return NONE
  // s6-overlay's own nodes only where the user meets them: top holds user, user holds services.
  const shown = (v: number) => !r.overlay[v] || r.names[v] === USER_BUNDLE || r.names[v] === 'top'
  const reverse = reverseEdges(r)
  const { start, list } = reverse
  const neededBy: number[] = []
  for (let i = start[id]!; i < start[id + 1]!; i++) if (shown(list[i]!)) neededBy.push(list[i]!)
  // What goes down: the service, or a bundle's atomic members, then all that needs them.
  const seen = new Uint8Array(r.names.length)
  const roots = [id]
  seen[id] = 1
  if (!isAtomic(r.kinds[id]!)) {
    for (let head = 0; head < roots.length; head++) {
      const v = roots[head]!
      if (isAtomic(r.kinds[v]!)) continue
      for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
        const w = r.edgeList[i]!
        if (!seen[w]) {
          seen[w] = 1
          roots.push(w)
        }
      }
    }
  }
  const own = (v: number) => v !== id && isAtomic(r.kinds[v]!) && !r.overlay[v]
  const stops = [...roots, ...neededByIds(r, roots, reverse)].filter(own)
  const byName = (ids: number[]) =>
    ids.sort((a, b) => r.rank[a]! - r.rank[b]!).map((v) => r.names[v]!)
  return {
    neededBy: byName(neededBy),
    stops: byName(stops),
    starts: closureIds(r, [id])
      .filter((v) => v !== id)
      .map((v) => r.names[v]!),
  }
}
