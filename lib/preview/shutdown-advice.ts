/**
 * The verdict on a design's shutdown: does the worst case (services, then S6_KILL_GRACETIME)
 * fit in `docker stop`'s grace period, and if not, what would make it fit (FORMAT §5, §6.9).
 */
import type { ServiceGraph, ServiceName } from '../graph/types'
import type { StopPlan } from '../plan/plan'
import type { StopTimeline } from './stop-timeline'

export type ShutdownFix =
  /** A longrun with no timeout-kill: a daemon that ignores its signal is never killed. */
  | { kind: 'set-timeout-kill'; service: ServiceName }
  /** A finish script with timeout-finish 0 (no limit). */
  | { kind: 'set-timeout-finish'; service: ServiceName }
  /** A oneshot's down script with no timeout-down. */
  | { kind: 'set-timeout-down'; service: ServiceName }
  /** One of the longest steps on the chain that ends last. */
  | {
      kind: 'lower-timeout'
      service: ServiceName
      field: 'timeoutKill' | 'timeoutFinish' | 'timeoutDown'
      ms: number
    }
  /** S6_KILL_GRACETIME, always waited in full. */
  | { kind: 'lower-kill-grace'; ms: number }
  /** Give Docker more time: `docker stop -t N`, Compose `stop_grace_period`. */
  | { kind: 'docker-stop'; seconds: number }

export interface ShutdownVerdict {
  status: 'ok' | 'over' | 'unbounded'
  /** Services plus kill grace; Infinity when unbounded. */
  totalMs: number
  servicesMs: number
  killGraceMs: number
  limitMs: number
  /** Steps with no time limit of their own. */
  unbounded: ServiceName[]
  /** What to change, most effective first. */
  fixes: ShutdownFix[]
}

/**
 * Judges the shutdown of `graph` from its stop plan and timeline.
 *
 * @example
 * shutdownVerdict(graph, stop, stopTimeline(start, stop)).status // 'ok'
 */
export function shutdownVerdict(
  graph: ServiceGraph,
  stop: StopPlan,
  timeline: StopTimeline,
): ShutdownVerdict {
  const limitMs = stop.dockerStopMs
  const killGraceMs = stop.killGraceMs
  const servicesMs = timeline.servicesMs
  const totalMs = servicesMs + killGraceMs
  const unbounded = timeline.bars.filter((b) => b.unbounded && !b.overlay).map((b) => b.name)
  const fixes: ShutdownFix[] = []
  if (unbounded.length > 0) {
    for (const name of unbounded) {
      const s = Object.hasOwn(graph.services, name) ? graph.services[name] : undefined
      if (s?.type === 'longrun') {
        if (!(s.timeoutKill && s.timeoutKill > 0))
          fixes.push({ kind: 'set-timeout-kill', service: name })
        else if (s.finish && s.timeoutFinish === 0)
          fixes.push({ kind: 'set-timeout-finish', service: name })
      } else if (s?.type === 'oneshot') fixes.push({ kind: 'set-timeout-down', service: name })
    }
    return {
      status: 'unbounded',
      totalMs: Infinity,
      servicesMs,
      killGraceMs,
      limitMs,
      unbounded,
      fixes,
    }
  }
  if (totalMs <= limitMs) {
    return { status: 'ok', totalMs, servicesMs, killGraceMs, limitMs, unbounded, fixes }
  }
  // The steps on the chain that ends last, longest first: shortening them shortens the stop.
  const critical = timeline.bars
    .filter((b) => b.critical && !b.overlay && (b.budgetMs ?? 0) > 0)
    .sort((a, b) => (b.budgetMs ?? 0) - (a.budgetMs ?? 0))
  for (const bar of critical.slice(0, 2)) {
    const s = Object.hasOwn(graph.services, bar.name) ? graph.services[bar.name] : undefined
    if (s?.type === 'longrun') {
      if (s.timeoutDown && s.timeoutDown > 0 && s.timeoutDown === bar.budgetMs)
        fixes.push({
          kind: 'lower-timeout',
          service: bar.name,
          field: 'timeoutDown',
          ms: s.timeoutDown,
        })
      else if (bar.killAfterMs)
        fixes.push({
          kind: 'lower-timeout',
          service: bar.name,
          field: 'timeoutKill',
          ms: bar.killAfterMs,
        })
      if (bar.finishMs > 0 && !(s.timeoutDown && s.timeoutDown === bar.budgetMs))
        fixes.push({
          kind: 'lower-timeout',
          service: bar.name,
          field: 'timeoutFinish',
          ms: bar.finishMs,
        })
    } else if (s?.type === 'oneshot' && bar.budgetMs) {
      fixes.push({
        kind: 'lower-timeout',
        service: bar.name,
        field: 'timeoutDown',
        ms: bar.budgetMs,
      })
    }
  }
  if (killGraceMs > 0) fixes.push({ kind: 'lower-kill-grace', ms: killGraceMs })
  fixes.push({ kind: 'docker-stop', seconds: Math.ceil(totalMs / 1000) + 1 })
  return { status: 'over', totalMs, servicesMs, killGraceMs, limitMs, unbounded, fixes }
}
