/**
 * Planning: what the container's boot starts and in which order, how long the container's
 * stop takes against `docker stop`, and the process tree `ps` shows (FORMAT §4, §5, §6.9).
 * Pure and deterministic (ties broken by name), linear in services + edges, never throwing.
 *
 * The boot: s6-overlay runs `s6-rc -u change top`, `top` being its bundle of `base` (the
 * oneshots `fix-attrs`, then `legacy-cont-init`), `user`, `legacy-services` (after base and
 * user) and `user2`; its stop, `s6-rc -bda change`, brings down all of that. So the plans of a
 * design default to `top`: `closure()`, the start plan and the stop plan include s6-overlay's
 * services, marked `overlay: true` in the timeline and the stop steps. Filter on `overlay` (or
 * `isOverlayService`) for the graph's own services only. A bare s6-rc tree (the plain
 * context) has no `top`: its plans default to its own `user` bundle.
 */
import { BOOT_TARGET, OVERLAY_SERVICES } from '../graph/overlay'
import { resolveGraph } from '../graph/resolve'
import type { ServiceGraph, ServiceName } from '../graph/types'
import { planGraph } from './plan-graph'
import { buildProcessTree } from './process-tree'
import { computeStartPlan } from './start-plan'
import { computeStopPlan } from './stop-plan'

export interface TimelineEntry {
  name: ServiceName
  type: 'oneshot' | 'longrun'
  /** One of s6-overlay's own services (base's fix-attrs, legacy-cont-init, legacy-services). */
  overlay: boolean
  /** Wave index: 0 for services with nothing to wait for. */
  wave: number
  startMs: number
  endMs: number
  /** Whether endMs - startMs came from the service's estimatedUpMs (else a default). */
  estimated: boolean
  timeoutMs?: number
  /**
   * A longrun without readiness is "up" for s6-rc once spawned (endMs), so its dependents start
   * then; this is when its estimatedUpMs says it is really ready, for drawing the gap.
   */
  readyMs?: number
  /**
   * A longrun without notification-fd: s6-rc counts it up once spawned, so its timeout-up only
   * bounds the spawn, and its estimate never makes it fail.
   */
  spawnOnly?: true
  /** Direct atomic dependencies inside the closure (bundles expanded, implicit edges added). */
  dependencies: ServiceName[]
  critical: boolean
  /**
   * Its estimate is over its timeout-up: s6-rc gives up waiting at endMs (startMs + timeoutMs)
   * and the start fails (FORMAT §4). `estimateMs` is how long it was estimated to take.
   */
  timedOut?: { estimateMs: number }
  /**
   * Never started: it needs this service (directly or through others), whose start fails;
   * s6-rc never starts the dependents of a failed service (FORMAT §4). startMs and endMs are
   * when everything it needs has started or failed.
   */
  blockedBy?: ServiceName
}

export interface StartPlan {
  targets: ServiceName[]
  /** Atomic services `s6-rc -u change <targets>` brings up, sorted by name. */
  closure: ServiceName[]
  /** Services that start together (each starts once everything before it is up). */
  waves: ServiceName[][]
  timeline: TimelineEntry[]
  criticalPath: ServiceName[]
  /** When s6-rc is done: everything up, or everything it could start tried. */
  totalMs: number
  /** Services whose start fails (they time out), in timeline order. */
  failed: ServiceName[]
  /** Services never started because something they need fails, in timeline order. */
  notStarted: ServiceName[]
}

export interface StopStep {
  name: ServiceName
  type: 'oneshot' | 'longrun'
  overlay: boolean
  wave: number
  /** Longruns: the down-signal sent (default SIGTERM). */
  signal?: string
  /** Longruns: timeout-kill (null = never SIGKILLed). Oneshots: timeout-down of `down`. */
  killAfterMs: number | null
  /** Longruns with a finish script: the finish time limit (timeout-finish, default 5000). */
  finishMs: number
  /** Worst case for this step; null when unbounded. */
  budgetMs: number | null
  /**
   * Left running by `s6-rc -bda change`: flag-essential, or needed by a flag-essential service
   * (FORMAT §4: s6-rc skips it and keeps its dependencies up). It ends only in the final
   * SIGTERM / S6_KILL_GRACETIME / SIGKILL sweep; its budget here is 0.
   */
  kept?: 'essential' | 'needed-by-essential'
}

export interface StopPlan {
  /** Services in the order they are told to stop (dependents first). */
  order: ServiceName[]
  waves: ServiceName[][]
  steps: StopStep[]
  /** Worst case of the s6-rc -bda change phase; null when some step is unbounded. */
  servicesMs: number | null
  /** S6_KILL_GRACETIME, always waited in full. */
  killGraceMs: number
  /** servicesMs + killGraceMs, or null when unbounded. */
  totalMs: number | null
  /** What the stop takes at least: totalMs with each unbounded step counted as 0. */
  atLeastMs: number
  dockerStopMs: number
  /** True when totalMs is null or reaches dockerStopMs (at equality Docker may kill first). */
  overDockerStop: boolean
}

export interface ProcessNode {
  /** What ps shows, for example "s6-supervise web" or "puma worker". */
  label: string
  /** `init`: PID 1, s6-svscan (what `/init` becomes). */
  kind: 'init' | 'supervise' | 'process' | 'child' | 'logger' | 'internal'
  /** The graph service this node belongs to, for cross-highlighting. */
  service?: ServiceName
  /** s6's own internal processes, shown quieter. */
  quiet: boolean
  /** "× PUMA_WORKERS" style multiplicity for declared children. */
  count?: number | string
  /**
   * A supervisor whose service the boot does not start: s6-rc-init gives every longrun one,
   * held down, so `ps` shows it with nothing under it.
   */
  idle?: true
  children: ProcessNode[]
}

export interface PlanOptions {
  /**
   * `overlay` (default): s6-overlay's names (base, user, top…) are its own, and its oneshots
   * come with base; `plain`: a bare s6-rc tree, where those are ordinary names.
   */
  context?: 'overlay' | 'plain'
}

/**
 * What the container starts at boot and stops at `docker stop`: s6-overlay's `top`; for a bare
 * s6-rc tree, its `user` bundle.
 */
export function bootTargets(options: PlanOptions = {}): ServiceName[] {
  return options.context === 'plain' ? ['user'] : [BOOT_TARGET]
}

/** The resolution a plan of `options` walks (undefined: the plans' default, overlay). */
const planResolution = (graph: ServiceGraph, options: PlanOptions) =>
  options.context === 'plain' ? resolveGraph(graph, { context: 'plain' }) : undefined

/** Whether `name` is one of s6-overlay's own services (`base`, `fix-attrs`, `top`…). */
export function isOverlayService(name: ServiceName): boolean {
  return Object.hasOwn(OVERLAY_SERVICES, name)
}

/**
 * The atomic services `s6-rc -u change <targets>` brings up, sorted by name: bundles expanded
 * (nested ones and pipeline names too), dependencies pulled in transitively, each producer's
 * consumer included, and s6-overlay's own oneshots when something needs `base` (see above).
 *
 * @example
 * closure(graph) // ['config-check', 'fix-attrs', 'legacy-cont-init', 'legacy-services', 'redis-ready', 'web']
 */
export function closure(
  graph: ServiceGraph,
  targets?: ServiceName[],
  options: PlanOptions = {},
): ServiceName[] {
  const { r, atomics } = planGraph(
    graph,
    targets ?? bootTargets(options),
    planResolution(graph, options),
  )
  return atomics.map((id) => r.names[id]!)
}

/**
 * The start of `targets` as s6-rc runs it: event-driven waves, a timeline from each service's
 * `estimatedUpMs` (defaults: oneshot 100 ms; longrun with readiness 200 ms; a longrun without
 * readiness is up 10 ms after it is spawned), and the critical path ending at the latest end.
 *
 * @example
 * startPlan(graph).waves // [['fix-attrs'], ['legacy-cont-init'], ['config-check', 'redis-ready'], ['web'], ['legacy-services']]
 */
export function startPlan(
  graph: ServiceGraph,
  targets?: ServiceName[],
  options: PlanOptions = {},
): StartPlan {
  return computeStartPlan(graph, targets ?? bootTargets(options), planResolution(graph, options))
}

/**
 * The container's stop: the services of `targets` stopped dependents first (each step's worst
 * case from down-signal, timeout-kill, finish and timeout-finish, or the oneshot's `down` and
 * timeout-down), then S6_KILL_GRACETIME, compared with `docker stop`'s 10 s. With the plain
 * context the steps are those of a bare s6-rc tree; the grace time and docker stop figures are
 * still s6-overlay's (the caller leaves them out).
 */
export function stopPlan(
  graph: ServiceGraph,
  targets?: ServiceName[],
  options: PlanOptions = {},
): StopPlan {
  return computeStopPlan(graph, targets ?? bootTargets(options), planResolution(graph, options))
}

/**
 * The process tree of a booted container: s6-svscan as PID 1 -> s6's internal supervisors
 * (quiet) and one s6-supervise per longrun of `user`/`user2`, each with its daemon and children.
 */
export function processTree(graph: ServiceGraph): ProcessNode {
  return buildProcessTree(graph)
}
