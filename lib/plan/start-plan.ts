/**
 * The start plan: `s6-rc -u change <targets>` simulated the way s6-rc runs it (FORMAT §4).
 * s6-rc is event-driven: each service starts the moment everything it needs is up, so a
 * service's start is the latest end among its needs, and its wave is the longest chain of
 * needs below it.
 */
import { directAtomicNeeds, isAtomic, resolveGraph } from '../graph/resolve'
import type { ResolvedGraph } from '../graph/resolve'
import type { Service, ServiceGraph, ServiceName } from '../graph/types'
import type { StartPlan, TimelineEntry } from './plan'
import { keptPlan, nonNegative, ownService, planGraph, timeoutMs } from './plan-graph'

/** Time assumed for a oneshot without `estimatedUpMs` (overlay oneshots too). */
export const DEFAULT_ONESHOT_UP_MS = 100
/** Time assumed for a longrun with readiness but without `estimatedUpMs`. */
export const DEFAULT_LONGRUN_READY_MS = 200
/**
 * A longrun without `notification-fd` counts as up once spawned (`s6-svc -uwu`), a matter of
 * milliseconds, whatever its estimate says; its dependents start then (FORMAT §4, #582).
 */
export const LONGRUN_SPAWN_MS = 10

interface Duration {
  ms: number
  estimated: boolean
  /** When the service is really ready, if s6-rc does not wait for it. */
  readyMs?: number
}

function duration(service: Service | undefined, kind: 'oneshot' | 'longrun'): Duration {
  const estimate =
    service && service.type !== 'bundle' ? nonNegative(service.estimatedUpMs) : undefined
  if (kind === 'oneshot')
    return { ms: estimate ?? DEFAULT_ONESHOT_UP_MS, estimated: estimate !== undefined }
  if (service?.type === 'longrun' && service.readiness) {
    return { ms: estimate ?? DEFAULT_LONGRUN_READY_MS, estimated: estimate !== undefined }
  }
  return estimate === undefined
    ? { ms: LONGRUN_SPAWN_MS, estimated: false }
    : { ms: LONGRUN_SPAWN_MS, estimated: false, readyMs: estimate }
}

function namesInSet(r: ResolvedGraph, ids: number[], inSet: Uint8Array): ServiceName[] {
  const names: ServiceName[] = []
  for (const id of ids) if (inSet[id]) names.push(r.names[id]!)
  return names
}

/**
 * Simulates the start of `targets` (default `user`). Durations come from `estimatedUpMs`
 * (`estimated: true`) or the defaults above. The closure, waves and timeline include the
 * s6-overlay services the targets pull in (`overlay: true`, for example `base`'s `fix-attrs`
 * and `legacy-cont-init` when the project depends on base), so the timeline shows base first.
 * Services on or behind a dependency cycle are placed in one extra last wave. `resolved` reuses
 * a resolution (see `planGraph`).
 */
export function computeStartPlan(
  graph: ServiceGraph,
  targets: ServiceName[],
  resolved?: ResolvedGraph,
): StartPlan {
  const r = resolved ?? resolveGraph(graph, { context: 'overlay' })
  return keptPlan(r, `start ${JSON.stringify(targets)}`, () => makeStartPlan(graph, targets, r))
}

function makeStartPlan(
  graph: ServiceGraph,
  targets: ServiceName[],
  resolved: ResolvedGraph,
): StartPlan {
  const { r, inSet, atomics, order, placed } = planGraph(graph, targets, resolved)
  const n = r.names.length
  const end = new Float64Array(n)
  const wave = new Int32Array(n)
  // For each node, the atomic service whose end decides when its needers may start.
  const decider = new Int32Array(n).fill(-1)
  const start = new Float64Array(n)
  const estimated = new Uint8Array(n)
  const ready = new Float64Array(n).fill(Number.NaN)
  // The atomic service whose failed start a node is, or waits on (-1: none); and, for a
  // service that times out, its estimate.
  const failedBy = new Int32Array(n).fill(-1)
  const overrun = new Float64Array(n).fill(Number.NaN)
  let lastWave = 0
  for (let position = 0; position < order.length; position++) {
    const v = order[position]!
    let from = 0
    let level = 0
    let by = -1
    let failure = -1
    // When everything it needs has started, failed or been given up on.
    let settled = 0
    const stuck = position >= placed
    for (let i = r.edgeStart[v]!; i < r.edgeStart[v + 1]!; i++) {
      const w = r.edgeList[i]!
      if (!inSet[w]) continue
      settled = Math.max(settled, end[w]!)
      const f = failedBy[w]!
      // The first failure it waits on (then by name) is the one said to block it.
      if (
        f >= 0 &&
        (failure < 0 ||
          end[f]! < end[failure]! ||
          (end[f] === end[failure] && r.rank[f]! < r.rank[failure]!))
      )
        failure = f
      const atomicW = isAtomic(r.kinds[w]!)
      const cause = atomicW ? w : decider[w]!
      if (
        cause >= 0 &&
        (end[w]! > from || (end[w] === from && (by < 0 || r.rank[cause]! < r.rank[by]!)))
      ) {
        from = end[w]!
        by = cause
      }
      level = Math.max(level, atomicW ? wave[w]! + 1 : wave[w]!)
    }
    if (stuck) level = lastWave + 1
    wave[v] = level
    if (!stuck && isAtomic(r.kinds[v]!)) lastWave = Math.max(lastWave, level)
    if (failure >= 0) {
      // Never started: s6-rc is done with it once everything it needs is.
      failedBy[v] = failure
      start[v] = end[v] = settled
      continue
    }
    end[v] = from
    decider[v] = by
    if (!isAtomic(r.kinds[v]!)) continue
    const service = ownService(r, v)
    const d = duration(service, r.kinds[v] as 'oneshot' | 'longrun')
    start[v] = from
    end[v] = from + d.ms
    if (d.estimated) estimated[v] = 1
    if (d.readyMs !== undefined) ready[v] = from + d.readyMs
    // Only an estimate the user gave can say it times out; a default is a guess.
    const limit = service && service.type !== 'bundle' ? timeoutMs(service.timeoutUp) : undefined
    if (d.estimated && limit !== undefined && d.ms > limit) {
      end[v] = from + limit
      overrun[v] = d.ms
      failedBy[v] = v
    }
  }

  // The critical path: back from the latest end (first by name on a tie) through the deciders;
  // services never started end nothing.
  let latest = -1
  for (const id of atomics) {
    if (failedBy[id]! >= 0 && failedBy[id] !== id) continue
    if (latest < 0 || end[id]! > end[latest]!) latest = id
  }
  const critical: ServiceName[] = []
  const onPath = new Uint8Array(n)
  for (let v = latest; v >= 0 && !onPath[v]; v = decider[v]!) {
    onPath[v] = 1
    critical.push(r.names[v]!)
  }
  critical.reverse()

  const seen = new Int32Array(n).fill(-1)
  const timeline: TimelineEntry[] = []
  for (const id of atomics) {
    const service = ownService(r, id)
    const entry: TimelineEntry = {
      name: r.names[id]!,
      type: r.kinds[id] as 'oneshot' | 'longrun',
      overlay: r.overlay[id]!,
      wave: wave[id]!,
      startMs: start[id]!,
      endMs: end[id]!,
      estimated: estimated[id] === 1,
      dependencies: namesInSet(r, directAtomicNeeds(r, id, seen, id), inSet),
      critical: onPath[id] === 1,
    }
    const limit = service && service.type !== 'bundle' ? timeoutMs(service.timeoutUp) : undefined
    if (limit !== undefined) entry.timeoutMs = limit
    if (!Number.isNaN(ready[id]!)) entry.readyMs = ready[id]!
    if (r.kinds[id] === 'longrun' && !(service?.type === 'longrun' && service.readiness))
      entry.spawnOnly = true
    const failure = failedBy[id]!
    if (failure === id) entry.timedOut = { estimateMs: overrun[id]! }
    else if (failure >= 0) entry.blockedBy = r.names[failure]!
    timeline.push(entry)
  }
  // Stable sort: entries are in name order already, so ties stay sorted by name.
  timeline.sort((a, b) => a.startMs - b.startMs || a.wave - b.wave)

  const waves: ServiceName[][] = []
  for (const id of atomics) (waves[wave[id]!] ??= []).push(r.names[id]!)
  return {
    targets,
    closure: atomics.map((id) => r.names[id]!),
    waves: waves.filter((w) => w !== undefined),
    timeline,
    criticalPath: critical,
    totalMs: latest < 0 ? 0 : end[latest]!,
    failed: timeline.filter((e) => e.timedOut).map((e) => e.name),
    notStarted: timeline.filter((e) => e.blockedBy !== undefined).map((e) => e.name),
  }
}
