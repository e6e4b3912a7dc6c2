// CONTRACT STUB: the "semantics" helper implements this (keep the exported types and signatures).
import type { ServiceGraph, ServiceName } from '../graph/types'

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
  /** Direct atomic dependencies inside the closure (bundles expanded, implicit edges added). */
  dependencies: ServiceName[]
  critical: boolean
}

export interface StartPlan {
  targets: ServiceName[]
  /** Atomic services `s6-rc -u change <targets>` brings up, sorted by name. */
  closure: ServiceName[]
  /** Services that start together (each starts once everything before it is up). */
  waves: ServiceName[][]
  timeline: TimelineEntry[]
  criticalPath: ServiceName[]
  totalMs: number
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
  dockerStopMs: number
  /** True when totalMs is null or above dockerStopMs. */
  overDockerStop: boolean
}

export interface ProcessNode {
  /** What ps shows, for example "s6-supervise web" or "puma worker". */
  label: string
  kind: 'init' | 'svscan' | 'supervise' | 'process' | 'child' | 'logger' | 'internal'
  /** The graph service this node belongs to, for cross-highlighting. */
  service?: ServiceName
  /** s6's own internal processes, shown quieter. */
  quiet: boolean
  /** "× PUMA_WORKERS" style multiplicity for declared children. */
  count?: number | string
  children: ProcessNode[]
}

export function closure(_graph: ServiceGraph, _targets: ServiceName[] = ['user']): ServiceName[] {
  return []
}

export function startPlan(_graph: ServiceGraph, targets: ServiceName[] = ['user']): StartPlan {
  return { targets, closure: [], waves: [], timeline: [], criticalPath: [], totalMs: 0 }
}

export function stopPlan(_graph: ServiceGraph, _targets: ServiceName[] = ['user']): StopPlan {
  return {
    order: [],
    waves: [],
    steps: [],
    servicesMs: 0,
    killGraceMs: 3000,
    totalMs: 3000,
    dockerStopMs: 10000,
    overDockerStop: false,
  }
}

export function processTree(_graph: ServiceGraph): ProcessNode {
  return { label: '/init', kind: 'init', quiet: false, children: [] }
}
